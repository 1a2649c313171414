package org.alignlab.orchestrator.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A report as Markdown: the outcome, the ranked findings each with its provenance (result → action → audit records →
 * trace), the plots, and every action. Pure.
 */
public final class MarkdownReport {

    private final ReportPlots plots;

    public MarkdownReport(ReportPlots plots) {
        this.plots = plots;
    }

    public String render(Report report) {
        StringBuilder md = new StringBuilder();
        var goal = report.goal();
        md.append("# ").append(inline(goal.question())).append("\n\n");
        md.append("Goal `").append(goal.id()).append("` · family `").append(goal.family()).append("` · **")
                .append(report.status()).append("**");
        if (goal.endReason() != null) {
            md.append(": ").append(inline(goal.endReason()));
        }
        md.append("\n\n");
        md.append("| budget | spent | limit |\n| --- | --- | --- |\n");
        if (goal.spent() != null) {
            md.append("| experiments | ").append(goal.spent().experiments()).append(" | ")
                    .append(goal.budget().experiments()).append(" |\n");
            md.append(String.format(Locale.ROOT, "| computeSeconds | %.1f | %d |%n", goal.spent().computeSeconds(),
                    goal.budget().computeSeconds()));
            md.append("| rounds | ").append(goal.spent().rounds()).append(" | ").append(goal.budget().rounds())
                    .append(" |\n");
            md.append("| wallSeconds | ").append(goal.spent().wallSeconds()).append(" | ")
                    .append(goal.budget().wallSeconds()).append(" |\n");
        }

        md.append("\n## Findings, ranked\n\n");
        if (report.claims().isEmpty()) {
            md.append("No claim was reviewed.\n");
        }
        for (Report.ClaimEntry claim : report.claims()) {
            md.append(claim.rank()).append(". **").append(claim.verdict()).append("** (score ")
                    .append(ReportText.number(claim.score())).append(", effect ")
                    .append(ReportText.number(claim.effect()))
                    .append(", interval ").append(ReportText.interval(claim.interval())).append(", adjusted p ")
                    .append(ReportText.number(claim.adjustedP())).append(") claim `").append(claim.claimId())
                    .append("`, round ").append(claim.round() == null ? "?" : claim.round())
                    .append(claim.change() == null ? "" : ", changing " + inline(claim.change())).append(": ")
                    .append(inline(claim.rationale()));
            if (!claim.flags().isEmpty()) {
                md.append(" Flags: ").append(claim.flags().stream().map(f -> "`" + f + "`")
                        .collect(Collectors.joining(", "))).append('.');
            }
            md.append('\n');
            for (Report.Provenance p : claim.provenance()) {
                md.append("   - result ").append(p.resultStatus() == null ? "none" : p.resultStatus())
                        .append(" → action `").append(p.actionId()).append("`")
                        .append(p.agent() == null ? "" : " (" + p.agent().toLowerCase(Locale.ROOT)
                                + (p.split() == null ? "" : ", " + p.split().toLowerCase(Locale.ROOT)) + ")")
                        .append(" → [audit records](").append(p.auditRecords()).append(")")
                        .append(p.auditSeq() == null ? "" : " (verdict seq " + p.auditSeq() + ")")
                        .append(" → trace `").append(p.traceId() == null ? "none" : p.traceId()).append("`\n");
            }
        }
        List<String> stopped = report.findings().subList(report.claims().size(), report.findings().size());
        for (String line : stopped) {
            md.append("- ").append(inline(line)).append('\n');
        }

        List<String> names = plots.available(report);
        if (!names.isEmpty()) {
            md.append("\n## Plots\n\n");
            for (String name : names) {
                md.append("![").append(name).append("](").append(ReportText.plotPath(goal.id(), name)).append(")\n\n");
            }
        }

        md.append("\n## Actions\n\n| action | round | agent | policy | decision | result | ")
                .append(ReportPlots.metricOf(report)).append(" | review | audit | trace |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Report.ActionEntry a : report.actions()) {
            md.append("| `").append(a.actionId()).append("` | ").append(ReportText.round(a)).append(" | ")
                    .append(ReportText.agent(a)).append(" | ").append(inline(ReportText.policy(a))).append(" | ")
                    .append(a.verdict() == null ? "" : a.verdict().decision()).append(" | ")
                    .append(a.result() == null ? "" : a.result().status()).append(" | ")
                    .append(ReportText.metric(a, ReportPlots.metricOf(report))).append(" | ")
                    .append(a.review() == null ? "" : a.review().verdict()).append(" | [records](")
                    .append(a.audit().records()).append(") | `").append(a.traceId() == null ? "" : a.traceId())
                    .append("` |\n");
        }
        md.append("\nGenerated ").append(report.generatedAt()).append(".\n");
        return md.toString();
    }

    /** Keeps free text on one line and out of table syntax. */
    private static String inline(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
