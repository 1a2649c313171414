package org.alignlab.bench.literature;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown docs/science.md shows: per question, the arms, their measured values and the verdict table. */
final class ScienceReport {

    private ScienceReport() {
    }

    /** @param provenance lines saying what wrote the report, with which code, on which seeds and how long it took */
    static String header(List<String> provenance) {
        return provenance.stream().map(line -> "- " + line).collect(Collectors.joining("\n", "", "\n"));
    }

    static String section(Question question, Map<String, ArmRun> runs) {
        double cpu = runs.values().stream().mapToDouble(ArmRun::cpuSeconds).sum();
        double wall = runs.values().stream().mapToDouble(ArmRun::wallSeconds).sum();
        String arms = question.arms().stream()
                .map(arm -> String.format(Locale.ROOT, "`%s` (%s, %d seeds, %.0f CPU s)", arm.name(),
                        arm.paramsText(), runs.get(arm.name()).seeds().size(), runs.get(arm.name()).cpuSeconds()))
                .collect(Collectors.joining(", "));
        StringBuilder section = new StringBuilder();
        section.append("\n### ").append(question.heading()).append("\n\n");
        section.append(String.format(Locale.ROOT, "Family `%s`. Arms: %s; %.0f CPU s, %.0f s of wall time.%n%n",
                question.name(), arms, cpu, wall));
        section.append(question.details(runs)).append('\n');
        section.append(findingsTable(question.findings(runs)));
        return section.toString();
    }

    static String findingsTable(List<Finding> findings) {
        StringBuilder table = new StringBuilder("| published result | what AlignLab found | verdict |\n"
                + "| --- | --- | --- |\n");
        findings.forEach(finding -> table.append("| ").append(finding.published()).append(" | ")
                .append(finding.found()).append(" | **").append(finding.verdict().label()).append("** |\n"));
        return table.toString();
    }
}
