package org.alignlab.orchestrator.report;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.alignlab.contracts.events.ResultAnomaly;

/** Formatting shared by the Markdown and HTML renderings, so both print the same figures. */
final class ReportText {

    private ReportText() {
    }

    /**
     * {@code url} when it is safe to put behind a link: http(s), or a path on this server, and nothing in it that
     * could end the link or attribute it stands in. Otherwise null, and the renderings show the text without a
     * link: a {@code javascript:} or {@code data:} URL is never made clickable.
     */
    static String safeLink(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7F || "<>()\"'`\\{}|^[]".indexOf(c) >= 0) {
                return null;
            }
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean local = url.startsWith("/") && !url.startsWith("//");
        return lower.startsWith("http://") || lower.startsWith("https://") || local ? url : null;
    }

    /** What a held claim's verdict is followed by. */
    static final String HELD = ", held for a human: a result it rests on lies far outside earlier runs of its "
            + "configuration";

    /** Review's comparison of an anomalous result with earlier runs of its configuration, as plain text. */
    static String anomaly(ResultAnomaly a) {
        return "result of action " + a.actionId() + ": " + a.metric() + " " + number(a.value())
                + " (its median seed) against a median of " + number(a.historyMedian()) + " over " + a.historySeeds()
                + " seeds of " + a.historyRuns() + " earlier runs, spread " + number(a.historySpread())
                + ", robust z " + (a.robustZ() == null ? "undefined (every earlier value the same)"
                        : number(a.robustZ()));
    }

    static String plotPath(UUID goalId, String name) {
        return "/api/goals/" + goalId + "/report/plots/" + name + ".png";
    }

    static String number(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }

    static String interval(List<Double> bounds) {
        return bounds == null || bounds.size() != 2 ? "n/a"
                : "[" + number(bounds.get(0)) + ", " + number(bounds.get(1)) + "]";
    }

    static String round(Report.ActionEntry action) {
        return action.proposal() == null || action.proposal().round() == null ? ""
                : action.proposal().round().toString();
    }

    static String agent(Report.ActionEntry action) {
        return action.proposal() == null || action.proposal().agent() == null ? ""
                : action.proposal().agent().toLowerCase(Locale.ROOT);
    }

    static String policy(Report.ActionEntry action) {
        return action.proposal() == null || action.proposal().policy() == null ? "" : action.proposal().policy();
    }

    static String metric(Report.ActionEntry action, String metric) {
        if (action.result() == null || action.result().metrics() == null) {
            return "";
        }
        Double value = action.result().metrics().get(metric);
        return value == null ? "" : number(value);
    }
}
