package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** A goal report in a terminal: the answer, one line per factor, then one row per ranked claim. */
public final class ReportSummary {

    private ReportSummary() {
    }

    public static String of(JsonNode report) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        printAnswer(report, out);
        printClaims(report, out);
        out.flush();
        return text.toString();
    }

    /** Nothing when the goal names no factor. */
    private static void printAnswer(JsonNode report, PrintWriter out) {
        JsonNode answer = report.path("answer");
        if (!answer.isArray() || answer.isEmpty()) {
            return;
        }
        out.println("Answer:");
        for (JsonNode factor : answer) {
            out.printf(Locale.ROOT, "  %s%s: %s, effect %s %s (%s)%n", factor.path("factor").asText(),
                    factor.path("named").asBoolean() ? "" : " (inferred from the question)",
                    factor.path("conclusion").asText(), number(factor.path("effect")),
                    interval(factor.path("interval")), factor.path("evidence").asText());
        }
        out.println();
    }

    /** What review concluded of each claim, how strongly, and what the claim changed. */
    private static void printClaims(JsonNode report, PrintWriter out) {
        JsonNode claims = report.path("claims");
        if (!claims.isArray() || claims.isEmpty()) {
            out.println("no reviewed claims");
            return;
        }
        out.printf(Locale.ROOT, "%-4s %-5s %-12s %-6s %-8s %-9s %s%n", "RANK", "ROUND", "VERDICT", "SCORE", "EFFECT",
                "ADJ. P", "CHANGE FROM THE BASELINE");
        for (JsonNode claim : claims) {
            // No change: a run reviewed on its own, or a claim whose baseline the report lacks.
            String change = claim.path("change").asText("-");
            out.printf(Locale.ROOT, "%-4d %-5s %-12s %-6.2f %-8s %-9s %s%n", claim.path("rank").asInt(),
                    claim.path("round").asText("?"), claim.path("verdict").asText(), claim.path("score").asDouble(),
                    number(claim.path("effect")), number(claim.path("adjustedP")),
                    change.length() > 80 ? change.substring(0, 79) + "…" : change);
        }
    }

    private static String interval(JsonNode bounds) {
        return bounds.isArray() && bounds.size() == 2 ? "[" + number(bounds.get(0)) + ", " + number(bounds.get(1))
                + "]" : "";
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
    }
}
