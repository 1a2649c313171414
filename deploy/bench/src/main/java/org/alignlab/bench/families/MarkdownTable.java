package org.alignlab.bench.families;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table docs/benchmarks.md shows. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    /** @param bareSeconds a trivial script's whole sandboxed run, by whether the runner started fast */
    static String render(List<Row> rows, Map<Boolean, Double> bareSeconds, int seeds) {
        StringBuilder table = new StringBuilder();
        String bare = bareSeconds.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%.2f s (%s start)", e.getValue(), Row.startName(e.getKey())))
                .collect(Collectors.joining(", "));
        table.append(String.format(Locale.ROOT, "Seeds per family: %d. Bare sandbox + JVM start (a trivial script): "
                + "%s.%n%n", seeds, bare));
        table.append("| family | runner start | s/seed in process | s/seed in sandbox | sandboxed run, s "
                + "| overhead, s | overhead share |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- |\n");
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
