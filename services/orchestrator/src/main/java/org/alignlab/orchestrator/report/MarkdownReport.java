package org.alignlab.orchestrator.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.ResultAnomaly;

/**
 * A report as Markdown: the outcome, the ranked findings each with its provenance (result → action → audit records →
 * trace), the plots, and every action. Everything the report did not write itself goes through {@link Markdown}, so
 * neither a researcher's question nor anything an agent or reviewer said can add HTML, links, images or structure.
 * Pure.
 */
public final class MarkdownReport {

    private final ReportPlots plots;

    public MarkdownReport(ReportPlots plots) {
        this.plots = plots;
    }

    public String render(Report report) {
        StringBuilder md = new StringBuilder();
        var goal = report.goal();
        md.append("# ").append(Markdown.text(goal.question())).append("\n\n");
        md.append("Goal `").append(goal.id()).append("` · family ").append(Markdown.code(goal.family(), false))
                .append(" · **").append(report.status()).append("**");
        if (goal.endReason() != null) {
            md.append(": ").append(Markdown.text(goal.endReason()));
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

        if (!report.answer().isEmpty()) {
            md.append("\n## Answer\n\n");
            for (Report.Answer answer : report.answer()) {
                md.append("- ").append(Markdown.code(answer.factor(), false))
                        .append(answer.named() ? "" : " (inferred from the question)").append(": **")
                        .append(answer.conclusion()).append("**");
                if (answer.effect() != null) {
                    md.append(", effect ").append(ReportText.number(answer.effect())).append(", interval ")
                            .append(ReportText.interval(answer.interval()));
                }
                md.append(" — ").append(Markdown.text(answer.evidence())).append('\n');
            }
        }

        md.append("\n## Findings, ranked\n\n");
        if (report.claims().isEmpty()) {
            md.append("No claim was reviewed.\n");
        }
        for (Report.ClaimEntry claim : report.claims()) {
            md.append(claim.rank()).append(". **").append(claim.verdict())
                    .append(claim.withdrawn() ? ", withdrawn: a result it rests on failed the re-execution audit" : "")
                    .append(claim.held() ? ReportText.HELD : "")
                    .append("** (score ")
                    .append(ReportText.number(claim.score())).append(", effect ")
                    .append(ReportText.number(claim.effect()))
                    .append(", interval ").append(ReportText.interval(claim.interval())).append(", adjusted p ")
                    .append(ReportText.number(claim.adjustedP())).append(") claim `").append(claim.claimId())
                    .append("`, round ").append(claim.round() == null ? "?" : claim.round())
                    .append(claim.change() == null ? "" : ", changing " + Markdown.text(claim.change())).append(": ")
                    .append(Markdown.text(claim.rationale()));
            List<String> flags = claim.flags().stream().map(f -> Markdown.code(f, false)).filter(f -> !f.isEmpty())
                    .toList();
            if (!flags.isEmpty()) {
                md.append(" Flags: ").append(String.join(", ", flags)).append('.');
            }
            md.append('\n');
            for (ResultAnomaly anomaly : claim.anomalies()) {
                md.append("   - **anomalous** ").append(Markdown.text(ReportText.anomaly(anomaly))).append('\n');
            }
            for (Report.Provenance p : claim.provenance()) {
                md.append("   - result ").append(p.resultStatus() == null ? "none" : p.resultStatus())
                        .append(p.quarantined() ? " (**quarantined** by the re-execution audit)" : "")
                        .append(" → action `").append(p.actionId()).append("`")
                        .append(p.agent() == null ? "" : " (" + Markdown.text(p.agent().toLowerCase(Locale.ROOT)
                                + (p.split() == null ? "" : ", " + p.split().toLowerCase(Locale.ROOT))) + ")")
                        .append(" → ").append(link("audit records", p.auditRecords()))
                        .append(p.auditSeq() == null ? "" : " (verdict seq " + p.auditSeq() + ")")
                        .append(" → trace ").append(codeOrNone(p.traceId(), "none", false)).append('\n');
            }
        }
        List<String> stopped = report.findings().subList(report.claims().size(), report.findings().size());
        for (String line : stopped) {
            md.append("- ").append(Markdown.text(line)).append('\n');
        }

        List<String> names = plots.available(report);
        if (!names.isEmpty()) {
            md.append("\n## Plots\n\n");
            for (String name : names) {
                md.append("![").append(name).append("](").append(ReportText.plotPath(goal.id(), name)).append(")\n\n");
            }
        }

        String metric = ReportPlots.metricOf(report);
        md.append("\n## Actions\n\n| action | round | agent | policy | decision | result | ")
                .append(Markdown.text(metric)).append(" | review | audit | trace |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Report.ActionEntry a : report.actions()) {
            md.append("| `").append(a.actionId()).append("` | ").append(ReportText.round(a)).append(" | ")
                    .append(Markdown.text(ReportText.agent(a))).append(" | ")
                    .append(Markdown.text(ReportText.policy(a))).append(" | ")
                    .append(a.verdict() == null ? "" : a.verdict().decision()).append(" | ")
                    .append(a.result() == null ? "" : a.result().status()).append(" | ")
                    .append(ReportText.metric(a, metric)).append(" | ")
                    .append(a.review() == null ? "" : a.review().verdict()).append(" | ")
                    .append(link("records", a.audit().records())).append(" | ")
                    .append(codeOrNone(a.traceId(), "", true)).append(" |\n");
        }
        md.append("\nGenerated ").append(report.generatedAt()).append(".\n");
        return md.toString();
    }

    /** A link the report makes to its own evidence; a target that is not a plain http(s) URL stays unlinked text. */
    private static String link(String label, String url) {
        String safe = ReportText.safeLink(url);
        return safe == null ? label + " (" + Markdown.text(url) + ")" : "[" + label + "](" + safe + ")";
    }

    private static String codeOrNone(String text, String none, boolean inTableCell) {
        String code = Markdown.code(text, inTableCell);
        return code.isEmpty() ? none : code;
    }
}
