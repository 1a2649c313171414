package org.alignlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run as Markdown: one table of gate against baseline with their ratios, the two targets of the gate
 * issue, and what each phase delivered.
 */
final class MarkdownReport {

    /** Gate p99 may be at most this many times the baseline's. */
    static final double P99_RATIO_TARGET = 1.5;
    /** Actions per second the gate must sustain without loss. */
    static final double THROUGHPUT_TARGET = 1_000;

    /** The four phases of a run and what it ran on. */
    record Results(PhaseResult gateLatency, PhaseResult baselineLatency, PhaseResult gateThroughput,
            PhaseResult baselineThroughput) {

        List<PhaseResult> all() {
            return List.of(baselineLatency, gateLatency, baselineThroughput, gateThroughput);
        }

        double p99Ratio() {
            return gateLatency.latency().p99() / baselineLatency.latency().p99();
        }

        boolean p99TargetMet() {
            return p99Ratio() <= P99_RATIO_TARGET;
        }

        boolean throughputTargetMet() {
            Delivery d = gateThroughput.delivery();
            return gateThroughput.drained() && d.noLoss() && d.noDuplicates() && d.notAllowed() == 0
                    && gateThroughput.settledRate() >= THROUGHPUT_TARGET;
        }
    }

    private MarkdownReport() {
    }

    static String render(String title, List<String> setup, BenchPlan plan, Results r) {
        List<String> lines = new ArrayList<>();
        lines.add("#### " + title);
        lines.add("");
        lines.add("| path | p50 ms | p90 ms | p99 ms | max ms | sustained actions/s | lost | duplicated |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        lines.add(row("gate: `agent.actions` → monitor → `execution.tickets`", r.gateLatency(), r.gateThroughput()));
        lines.add(row("baseline: Kafka → echo (1 INSERT, synchronous commit) → Kafka", r.baselineLatency(),
                r.baselineThroughput()));
        LatencySummary g = r.gateLatency().latency();
        LatencySummary b = r.baselineLatency().latency();
        lines.add("| **gate / baseline** | " + ratio(g.p50(), b.p50()) + " | " + ratio(g.p90(), b.p90()) + " | "
                + ratio(g.p99(), b.p99()) + " | " + ratio(g.max(), b.max()) + " | "
                + ratio(r.gateThroughput().settledRate(), r.baselineThroughput().settledRate()) + " | | |");
        lines.add("");
        lines.add("Targets: gate p99 ≤ " + number(P99_RATIO_TARGET) + "× baseline p99 — **"
                + (r.p99TargetMet() ? "met" : "missed") + "** (" + ratio(g.p99(), b.p99()) + "); ≥ "
                + rate(THROUGHPUT_TARGET) + " actions/s sustained with no loss — **"
                + (r.throughputTargetMet() ? "met" : "missed") + "** (" + rate(r.gateThroughput().settledRate())
                + "/s, " + r.gateThroughput().delivery().lost() + " lost, "
                + r.gateThroughput().delivery().duplicated() + " duplicated).");
        int notAllowed = r.gateLatency().delivery().notAllowed() + r.gateThroughput().delivery().notAllowed();
        if (notAllowed > 0) {
            lines.add("");
            lines.add("**" + notAllowed + " benign actions were not allowed** (HOLD, DEFER_TO_TRUSTED or BLOCK): they "
                    + "have no ticket and no latency; the monitor's log says why.");
        }
        lines.add("");
        lines.add("Latency phase: " + plan.rate() + " actions/s for " + plan.latency().toSeconds() + " s after a "
                + plan.warmUp().toSeconds() + " s warm-up, each action timed from when it was due to be sent to "
                + "when its ticket (gate) or echo (baseline) arrived; settled at " + rate(r.gateLatency().settledRate())
                + "/s (gate) and " + rate(r.baselineLatency().settledRate()) + "/s (baseline)"
                + keptUp(r.gateLatency(), r.baselineLatency()) + ". Throughput phase: " + rate(plan.count())
                + " actions sent at once; rate = actions ÷ (first send → last ticket or echo).");
        lines.add("");
        lines.addAll(setup.stream().map(s -> "- " + s).toList());
        lines.add("");
        lines.add("| phase | path | sent | lost | verdicts missing / duplicated | not ALLOW | tickets (echoes) missing "
                + "/ duplicated / without ALLOW | stray replies | p50 / p99 ms | settled/s | sender behind ms | drained |");
        lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (PhaseResult p : r.all()) {
            Delivery d = p.delivery();
            boolean gate = "gate".equals(p.route());
            lines.add("| " + p.phase() + " | " + p.route() + " | " + d.sent() + " | " + d.lost() + " | "
                    + (gate ? d.missingVerdicts() + " / " + d.duplicateVerdicts() : "–") + " | "
                    + (gate ? Integer.toString(d.notAllowed()) : "–") + " | "
                    + d.missingCompletions() + " / " + d.duplicateCompletions() + " / " + d.unexpectedCompletions()
                    + " | " + d.unknown() + " | " + millis(p.latency().p50()) + " / " + millis(p.latency().p99())
                    + " | " + rate(p.settledRate()) + " | " + millis(p.maxSendLagMs()) + " | "
                    + (p.drained() ? "yes" : "**no**") + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String row(String name, PhaseResult latency, PhaseResult throughput) {
        LatencySummary l = latency.latency();
        return "| " + name + " | " + millis(l.p50()) + " | " + millis(l.p90()) + " | " + millis(l.p99()) + " | "
                + millis(l.max()) + " | " + rate(throughput.settledRate())
                + (throughput.drained() ? "" : " (incomplete)") + " | " + throughput.delivery().lost() + " | "
                + throughput.delivery().duplicated() + " |";
    }

    /** Latency at a fixed rate is only latency if the path kept up; otherwise it is queueing, and we say so. */
    private static String keptUp(PhaseResult... phases) {
        List<String> behind = new ArrayList<>();
        for (PhaseResult p : phases) {
            if (!p.drained() || p.settledRate() < 0.95 * p.offeredRate()) {
                behind.add(p.route());
            }
        }
        return behind.isEmpty() ? "" : " — **" + String.join(" and ", behind) + " did not keep up with the offered "
                + "rate: its percentiles include queueing**";
    }

    static String ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", numerator / denominator);
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
