package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Grafana provisioning in {@code grafana/}: every datasource has a stable uid; every dashboard parses, has
 * {@code "id": null} and a stable, unique uid, is wired into the kustomization's configMapGenerator, points its
 * panels at provisioned datasources, and queries only metrics the services export.
 */
public final class DashboardCheck {

    private static final Pattern STABLE_UID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path grafana;
    private final MetricCatalog catalog;

    public DashboardCheck(Path grafana, MetricCatalog catalog) {
        this.grafana = grafana;
        this.catalog = catalog;
    }

    public List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        Set<String> datasources = datasourceUids(violations);
        Set<String> generated = generatedDashboards();
        Map<String, Path> uids = new HashMap<>();
        for (Path file : dashboardFiles()) {
            String object = "dashboard " + grafana.relativize(file);
            if (!generated.contains(grafana.relativize(file).toString())) {
                violations.add(new Violation(object, "dashboards provisioned through the configMapGenerator",
                        "not listed in grafana/kustomization.yaml, so Grafana never sees it"));
            }
            JsonNode dashboard;
            try {
                dashboard = JSON.readTree(file.toFile());
            } catch (IOException e) {
                violations.add(new Violation(object, "dashboards parse", e.getMessage()));
                continue;
            }
            if (!dashboard.has("id") || !dashboard.get("id").isNull()) {
                violations.add(new Violation(object, "\"id\": null", "id is " + dashboard.get("id")));
            }
            String uid = dashboard.path("uid").asText("");
            if (!STABLE_UID.matcher(uid).matches()) {
                violations.add(new Violation(object, "a stable uid", "uid '" + uid + "' is not " + STABLE_UID));
            } else if (uids.putIfAbsent(uid, file) != null) {
                violations.add(new Violation(object, "a stable uid", "uid " + uid + " is also "
                        + grafana.relativize(uids.get(uid))));
            }
            panels(dashboard.path("panels")).forEach(panel -> checkPanel(object, panel, datasources, violations));
        }
        return violations;
    }

    /** Every metric name the dashboards query, for comparing with what running services actually export. */
    public Set<String> queriedMetrics() {
        Set<String> metrics = new TreeSet<>();
        for (Path file : dashboardFiles()) {
            try {
                panels(JSON.readTree(file.toFile()).path("panels")).forEach(panel -> panel.path("targets")
                        .forEach(target -> metrics.addAll(PromQl.metricNames(target.path("expr").asText("")))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return metrics;
    }

    private void checkPanel(String object, JsonNode panel, Set<String> datasources, List<Violation> violations) {
        String where = object + " panel '" + panel.path("title").asText() + "'";
        List<JsonNode> refs = new ArrayList<>();
        refs.add(panel.path("datasource"));
        panel.path("targets").forEach(target -> refs.add(target.path("datasource")));
        for (JsonNode ref : refs) {
            if (!ref.isMissingNode() && !ref.isNull() && !datasources.contains(ref.path("uid").asText())) {
                violations.add(new Violation(where, "panels use provisioned datasources by uid",
                        "datasource " + ref + " is not one of " + datasources));
            }
        }
        for (JsonNode target : panel.path("targets")) {
            for (String metric : PromQl.metricNames(target.path("expr").asText(""))) {
                if (!catalog.series().contains(metric)) {
                    violations.add(new Violation(where, "every dashboard's metric names exist",
                            metric + " is not exported by any service"));
                }
            }
        }
    }

    private Set<String> datasourceUids(List<Violation> violations) {
        Path file = grafana.resolve("provisioning/datasources/datasources.yaml");
        Set<String> uids = new LinkedHashSet<>();
        try {
            for (JsonNode datasource : YAML.readTree(file.toFile()).path("datasources")) {
                String uid = datasource.path("uid").asText("");
                if (!STABLE_UID.matcher(uid).matches()) {
                    violations.add(new Violation("datasource " + datasource.path("name").asText(),
                            "datasources with stable uids", "uid '" + uid + "'"));
                }
                uids.add(uid);
            }
        } catch (IOException e) {
            violations.add(new Violation(String.valueOf(grafana.relativize(file)), "datasources parse",
                    e.getMessage()));
        }
        return uids;
    }

    private Set<String> generatedDashboards() {
        Set<String> files = new LinkedHashSet<>();
        try {
            for (JsonNode generator : YAML.readTree(grafana.resolve("kustomization.yaml").toFile())
                    .path("configMapGenerator")) {
                generator.path("files").forEach(f -> files.add(f.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + grafana.resolve("kustomization.yaml"), e);
        }
        return files;
    }

    private List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(grafana.resolve("dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + grafana.resolve("dashboards"), e);
        }
    }

    /** Panels, including those nested in collapsed rows. */
    private static List<JsonNode> panels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : panels) {
            all.add(panel);
            all.addAll(panels(panel.path("panels")));
        }
        return all;
    }
}
