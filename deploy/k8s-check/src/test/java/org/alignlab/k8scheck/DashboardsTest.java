package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboards in grafana/ parse, have stable uids and query only exported metrics; bad ones are named. */
class DashboardsTest {

    @Test
    void theRepositorysDashboardsKeepEveryInvariant() {
        DashboardCheck check = new DashboardCheck(Fixtures.repositoryRoot().resolve("grafana"), Fixtures.catalog());

        assertThat(check.check()).isEmpty();
        assertThat(check.queriedMetrics()).contains("alignlab_actions_decided_total",
                "alignlab_monitor_decision_duration_seconds_bucket", "kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void aDashboardExportedFromARunningGrafanaIsRejected() {
        List<String> found = new DashboardCheck(Fixtures.resource("bad-grafana"), Fixtures.catalog()).check()
                .stream().map(Violation::toString).toList();

        assertThat(found).containsExactlyInAnyOrder(
                "dashboard dashboards/numbered.json: \"id\": null (id is 7)",
                "dashboard dashboards/numbered.json: a stable uid (uid 'Overview Copy' is not [a-z0-9][a-z0-9-]{2,39})",
                "dashboard dashboards/numbered.json panel 'Suspicion': panels use provisioned datasources by uid "
                        + "(datasource {\"type\":\"prometheus\",\"uid\":\"P1809F7CD0C75ACF3\"} is not one of "
                        + "[alignlab-prometheus])",
                "dashboard dashboards/numbered.json panel 'Suspicion': every dashboard's metric names exist "
                        + "(alignlab_monitor_mood_count is not exported by any service)",
                "dashboard dashboards/unlisted.json: dashboards provisioned through the configMapGenerator "
                        + "(not listed in grafana/kustomization.yaml, so Grafana never sees it)");
    }
}
