package org.alignlab.bench.families;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table docs/benchmarks.md shows. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static String render(List<Row> rows, double bareSeconds, int seeds) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Seeds per family: %d. Bare sandbox + JVM start (a trivial script): "
                + "%.2f s.%n%n", seeds, bareSeconds));
        table.append("| family | s/seed in process | s/seed in sandbox | sandboxed run, s | overhead, s "
                + "| overhead share |\n");
        table.append("| --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append(row.markdown()).append('\n'));
        return table.toString();
    }

    /** One line per family: each metric's mean over the seeds with its 95 % interval, as the runner reports them. */
    static String findings(String family, Map<String, Double> metrics) {
        String means = metrics.keySet().stream()
                .filter(name -> !name.endsWith("_std") && !name.endsWith("_ci95_lo") && !name.endsWith("_ci95_hi"))
                .sorted()
                .map(name -> String.format(Locale.ROOT, "%s %.3f [%.3f, %.3f]", name, metrics.get(name),
                        metrics.getOrDefault(name + "_ci95_lo", Double.NaN),
                        metrics.getOrDefault(name + "_ci95_hi", Double.NaN)))
                .collect(Collectors.joining("; "));
        return "- **" + family + "**: " + means + "\n";
    }
}
