package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every alert rule reads only metrics the services export: an alert on a missing series never fires. */
public final class AlertRuleCheck implements Check {

    private final MetricCatalog catalog;

    public AlertRuleCheck(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (GenericKubernetesResource rules : manifests.custom("PrometheusRule")) {
            for (Map<String, Object> group : Manifests.listOfMaps(Manifests.path(rules, "spec", "groups"))) {
                for (Map<String, Object> rule : Manifests.listOfMaps(group.get("rules"))) {
                    String expression = Manifests.text(rule.get("expr"));
                    for (String metric : PromQl.metricNames(expression == null ? "" : expression)) {
                        if (!catalog.series().contains(metric)) {
                            violations.add(new Violation(Manifests.describe(rules) + " rule " + rule.get("alert"),
                                    "queries only exported metrics", metric + " is not exported by any service"));
                        }
                    }
                }
            }
        }
        return violations;
    }
}
