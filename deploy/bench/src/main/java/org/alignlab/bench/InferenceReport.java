package org.alignlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inference benchmark as Markdown: throughput and latency of each path at each concurrency, rows per forward
 * pass, and the two ratios issue 6 sets targets for.
 */
final class InferenceReport {

    /** Batched throughput at the highest concurrency must be at least this many times the unbatched. */
    static final double BATCHING_GAIN_TARGET = 4.0;
    /** Time per request over HTTP with batching may be at most this many times a direct predictor call's. */
    static final double OVERHEAD_TARGET = 1.2;

    /**
     * One concurrency level: the three paths measured at it.
     *
     * @param rowsPerPass the batched service's mean rows per forward pass during its phase
     */
    record Point(int concurrency, ClosedLoop.Result direct, ClosedLoop.Result batched, ClosedLoop.Result unbatched,
            double rowsPerPass, double unbatchedRowsPerPass) {

        double batchingGain() {
            return batched.throughput() / unbatched.throughput();
        }

        /** Direct ÷ HTTP-with-batching throughput: how much longer each request takes through the service. */
        double overhead() {
            return direct.throughput() / batched.throughput();
        }
    }

    private InferenceReport() {
    }

    static String render(String title, List<String> setup, List<Point> points) {
        List<String> out = new ArrayList<>();
        out.add("### " + title);
        out.add("");
        setup.forEach(line -> out.add("- " + line));
        out.add("");
        out.add("| path | concurrency | requests/s | p50 ms | p90 ms | p99 ms | rows per forward pass | failed |");
        out.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Point p : points) {
            out.add(row("direct predictor call (no HTTP, no batching)", p.direct(), Double.NaN));
        }
        for (Point p : points) {
            out.add(row("HTTP, batching on", p.batched(), p.rowsPerPass()));
        }
        for (Point p : points) {
            out.add(row("HTTP, batching off", p.unbatched(), p.unbatchedRowsPerPass()));
        }
        out.add("");
        out.add("| concurrency | batched ÷ unbatched requests/s | overhead: direct ÷ batched requests/s "
                + "| batched p99 ÷ direct p99 |");
        out.add("| ---: | ---: | ---: | ---: |");
        for (Point p : points) {
            out.add("| " + p.concurrency() + " | " + ratio(p.batchingGain()) + " | " + ratio(p.overhead()) + " | "
                    + ratio(p.batched().latency().p99() / p.direct().latency().p99()) + " |");
        }
        out.add("");
        Point highest = points.get(points.size() - 1);
        out.add("Targets: batched ≥ " + ratio(BATCHING_GAIN_TARGET) + " unbatched at concurrency "
                + highest.concurrency() + " — " + verdict(highest.batchingGain() >= BATCHING_GAIN_TARGET) + " ("
                + ratio(highest.batchingGain()) + "); HTTP + batching overhead ≤ " + ratio(OVERHEAD_TARGET) + " — "
                + overheadVerdict(points) + ".");
        return String.join("\n", out) + "\n";
    }

    private static String overheadVerdict(List<Point> points) {
        List<String> each = new ArrayList<>();
        for (Point p : points) {
            each.add(ratio(p.overhead()) + " at " + p.concurrency());
        }
        boolean all = points.stream().allMatch(p -> p.overhead() <= OVERHEAD_TARGET);
        boolean none = points.stream().noneMatch(p -> p.overhead() <= OVERHEAD_TARGET);
        return (all ? "**met**" : none ? "**missed**" : "**met at some concurrencies only**") + " ("
                + String.join(", ", each) + ")";
    }

    private static String row(String path, ClosedLoop.Result r, double rowsPerPass) {
        LatencySummary l = r.latency();
        return "| " + path + " | " + r.concurrency() + " | " + String.format(Locale.ROOT, "%,.0f", r.throughput())
                + " | " + MarkdownReport.millis(l.p50()) + " | " + MarkdownReport.millis(l.p90()) + " | "
                + MarkdownReport.millis(l.p99()) + " | "
                + (Double.isNaN(rowsPerPass) ? "—" : String.format(Locale.ROOT, "%.2f", rowsPerPass)) + " | "
                + r.failed() + " |";
    }

    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "—";
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**missed**";
    }
}
