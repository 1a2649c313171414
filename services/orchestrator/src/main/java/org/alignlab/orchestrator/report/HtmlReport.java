package org.alignlab.orchestrator.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.alignlab.contracts.events.ResultAnomaly;

/**
 * A report as a self-contained HTML page, with the same sections as {@link MarkdownReport}: its plots are in it as
 * {@code data:} URLs, so a saved page opens from disk with every figure (the plot endpoint needs a bearer token a
 * browser opening a file has not got). Every text the report did not write itself is escaped, and only http(s) URLs
 * and paths on this server become links. Pure.
 */
public final class HtmlReport {

    private final ReportPlots plots;

    public HtmlReport(ReportPlots plots) {
        this.plots = plots;
    }

    public String render(Report report) {
        var goal = report.goal();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(esc(goal.question())).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.2em .5em}code{font-size:.9em}</style></head><body>\n");
        html.append("<h1>").append(esc(goal.question())).append("</h1>\n<p>Goal <code>").append(goal.id())
                .append("</code> · family <code>").append(esc(goal.family())).append("</code> · <strong>")
                .append(report.status()).append("</strong>");
        if (goal.endReason() != null) {
            html.append(": ").append(esc(goal.endReason()));
        }
        html.append("</p>\n");
        if (goal.spent() != null) {
            html.append("<table><tr><th>budget</th><th>spent</th><th>limit</th></tr>")
                    .append(row("experiments", goal.spent().experiments(), goal.budget().experiments()))
                    .append(row("computeSeconds", String.format(Locale.ROOT, "%.1f", goal.spent().computeSeconds()),
                            goal.budget().computeSeconds()))
                    .append(row("rounds", goal.spent().rounds(), goal.budget().rounds()))
                    .append(row("wallSeconds", goal.spent().wallSeconds(), goal.budget().wallSeconds()))
                    .append("</table>\n");
        }

        if (!report.answer().isEmpty()) {
            html.append("<h2>Answer</h2>\n<ul class=\"answer\">\n");
            for (Report.Answer answer : report.answer()) {
                html.append("<li><code>").append(esc(answer.factor())).append("</code>")
                        .append(answer.named() ? "" : " (inferred from the question)").append(": <strong>")
                        .append(esc(answer.conclusion())).append("</strong>");
                if (answer.effect() != null) {
                    html.append(", effect ").append(ReportText.number(answer.effect())).append(", interval ")
                            .append(esc(ReportText.interval(answer.interval())));
                }
                html.append(" — ").append(esc(answer.evidence())).append("</li>\n");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>Findings, ranked</h2>\n<ol class=\"findings\">\n");
        for (Report.ClaimEntry claim : report.claims()) {
            html.append("<li><strong>").append(claim.verdict())
                    .append(claim.withdrawn() ? ", withdrawn: a result it rests on failed the re-execution audit" : "")
                    .append(claim.held() ? ReportText.HELD : "")
                    .append("</strong> (score ")
                    .append(ReportText.number(claim.score())).append(", effect ")
                    .append(ReportText.number(claim.effect())).append(", interval ")
                    .append(ReportText.interval(claim.interval())).append(", adjusted p ")
                    .append(ReportText.number(claim.adjustedP())).append(") claim <code>").append(claim.claimId())
                    .append("</code>").append(claim.change() == null ? "" : ", changing " + esc(claim.change()))
                    .append(": ").append(esc(claim.rationale()));
            if (!claim.flags().isEmpty()) {
                html.append(" Flags: <code>").append(esc(String.join(", ", claim.flags()))).append("</code>.");
            }
            html.append("\n<ul>");
            for (ResultAnomaly anomaly : claim.anomalies()) {
                html.append("<li><strong>anomalous</strong> ").append(esc(ReportText.anomaly(anomaly)))
                        .append("</li>");
            }
            for (Report.Provenance p : claim.provenance()) {
                html.append("<li>result ").append(p.resultStatus() == null ? "none" : p.resultStatus())
                        .append(p.quarantined() ? " (<strong>quarantined</strong> by the re-execution audit)"
                                : "")
                        .append(" → action <code>").append(p.actionId()).append("</code> → ")
                        .append(link("audit records", p.auditRecords()))
                        .append(p.auditSeq() == null ? "" : " (verdict seq " + p.auditSeq() + ")")
                        .append(" → trace <code>").append(p.traceId() == null ? "none" : esc(p.traceId()))
                        .append("</code></li>");
            }
            html.append("</ul></li>\n");
        }
        html.append("</ol>\n");
        List<String> stopped = report.findings().subList(report.claims().size(), report.findings().size());
        if (!stopped.isEmpty()) {
            html.append("<ul>");
            stopped.forEach(line -> html.append("<li>").append(esc(line)).append("</li>"));
            html.append("</ul>\n");
        }

        List<String> names = plots.available(report);
        if (!names.isEmpty()) {
            html.append("<h2>Plots</h2>\n");
            for (String name : names) {
                String png = Base64.getEncoder().encodeToString(plots.render(report, name).orElseThrow());
                html.append("<figure><img src=\"data:image/png;base64,").append(png).append("\" alt=\"")
                        .append(name).append("\"><figcaption>").append(name).append("</figcaption></figure>\n");
            }
        }

        String metric = ReportPlots.metricOf(report);
        html.append("<h2>Actions</h2>\n<table><tr><th>action</th><th>round</th><th>agent</th><th>policy</th>")
                .append("<th>decision</th><th>result</th><th>").append(esc(metric))
                .append("</th><th>review</th><th>audit</th><th>trace</th></tr>\n");
        for (Report.ActionEntry a : report.actions()) {
            html.append("<tr><td><code>").append(a.actionId()).append("</code></td><td>")
                    .append(ReportText.round(a)).append("</td><td>").append(esc(ReportText.agent(a)))
                    .append("</td><td>")
                    .append(esc(ReportText.policy(a))).append("</td><td>")
                    .append(a.verdict() == null ? "" : a.verdict().decision()).append("</td><td>")
                    .append(a.result() == null ? "" : a.result().status()).append("</td><td>")
                    .append(ReportText.metric(a, metric)).append("</td><td>")
                    .append(a.review() == null ? "" : a.review().verdict()).append("</td><td>")
                    .append(link("records", a.audit().records())).append("</td><td><code>")
                    .append(a.traceId() == null ? "" : esc(a.traceId())).append("</code></td></tr>\n");
        }
        html.append("</table>\n<p>Generated ").append(report.generatedAt()).append(".</p>\n</body></html>\n");
        return html.toString();
    }

    /** A link the report makes to its own evidence; a target that is not a plain http(s) URL stays unlinked text. */
    private static String link(String label, String url) {
        String safe = ReportText.safeLink(url);
        return safe == null ? label + " (" + esc(url) + ")" : "<a href=\"" + esc(safe) + "\">" + label + "</a>";
    }

    private static String row(String name, Object spent, Object limit) {
        return "<tr><td>" + name + "</td><td>" + spent + "</td><td>" + limit + "</td></tr>";
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
