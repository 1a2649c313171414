package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.alignlab.contracts.MetricNames;
import org.junit.jupiter.api.Test;

/** The catalog of exported meters agrees with the names declared once in contracts. */
class MetricCatalogTest {

    @Test
    void everyAlignLabMeterIsAContractsMetricName() {
        assertThat(Fixtures.catalog().meters()).extracting(MetricCatalog.Meter::name)
                .filteredOn(name -> name.startsWith("alignlab."))
                .allSatisfy(name -> assertThat(declared()).as(name + " is a MetricNames constant").contains(name));
    }

    /** A name declared but in no service's catalog entry is a meter nobody registers, or one dashboards cannot use. */
    @Test
    void everyContractsMetricNameIsInTheCatalog() {
        assertThat(Fixtures.catalog().meters()).extracting(MetricCatalog.Meter::name).containsAll(declared());
    }

    private static Set<String> declared() {
        return Arrays.stream(MetricNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().startsWith("TAG_")).map(MetricCatalogTest::value)
                .collect(Collectors.toSet());
    }

    @Test
    void metersBecomePrometheusSeriesTheWayMicrometerNamesThem() {
        Set<String> series = Fixtures.catalog().series();

        assertThat(series).contains("alignlab_actions_decided_total", "alignlab_monitor_held_oldest_age_seconds",
                "alignlab_execution_duration_seconds_count", "alignlab_monitor_decision_duration_seconds_bucket",
                "kafka_producer_topic_record_send_total", "http_server_requests_seconds_sum")
                .doesNotContain("alignlab_execution_duration_seconds_bucket",
                        "kafka_producer_topic_record_send_total_total");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
