package org.alignlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final Delivery CLEAN = new Delivery(100, 0, 0, 0, 0, 0, 0, 0, 0);

    @Test
    void summarisesAHistogramOfMicrosecondsInMilliseconds() {
        Histogram micros = new Histogram(600_000_000L, 3);
        for (int ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1000L);
        }
        LatencySummary summary = LatencySummary.ofMicros(micros);
        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isCloseTo(500, within(1.0));
        assertThat(summary.p90()).isCloseTo(900, within(1.0));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.max()).isCloseTo(1000, within(1.0));
        assertThat(LatencySummary.ofMicros(new Histogram(3)).p99()).isNaN();
    }

    @Test
    void reportsRatiosAndWhichTargetsWereMet() {
        MarkdownReport.Results results = new MarkdownReport.Results(
                phase("gate", "latency", latency(12, 20, 30, 45), 200, 199, CLEAN, true),
                phase("baseline", "latency", latency(8, 12, 15, 20), 200, 200, CLEAN, true),
                phase("gate", "throughput", latency(900, 1500, 1800, 1900), Double.NaN, 1200, CLEAN, true),
                phase("baseline", "throughput", latency(100, 200, 300, 400), Double.NaN, 2400, CLEAN, true));

        String report = MarkdownReport.render("Gate benchmark", List.of("Machine: test"), BenchPlan.QUICK, results);

        assertThat(report).contains("| **gate / baseline** | 1.50× | 1.67× | 2.00× | 2.25× | 0.50× | | |");
        assertThat(report).contains("gate p99 ≤ 1.5× baseline p99 — **missed** (2.00×)");
        assertThat(report)
                .contains("≥ 1,000 actions/s sustained with no loss — **met** (1,200/s, 0 lost, 0 duplicated)");
        assertThat(report).contains("- Machine: test");
        assertThat(report).doesNotContain("did not keep up");
        assertThat(results.p99TargetMet()).isFalse();
        assertThat(results.throughputTargetMet()).isTrue();
    }

    @Test
    void aGateThatLosesActionsOrFallsBehindMissesAndSaysSo() {
        Delivery oneLost = new Delivery(100, 1, 1, 0, 0, 1, 0, 0, 0);
        MarkdownReport.Results results = new MarkdownReport.Results(
                phase("gate", "latency", latency(12, 20, 22, 45), 200, 120, CLEAN, true),
                phase("baseline", "latency", latency(8, 12, 15, 20), 200, 200, CLEAN, true),
                phase("gate", "throughput", latency(900, 1500, 1800, 1900), Double.NaN, 5000, oneLost, false),
                phase("baseline", "throughput", latency(100, 200, 300, 400), Double.NaN, 2400, CLEAN, true));

        String report = MarkdownReport.render("Gate benchmark", List.of(), BenchPlan.QUICK, results);

        assertThat(results.p99TargetMet()).isTrue();
        assertThat(results.throughputTargetMet()).isFalse();
        assertThat(report).contains("**gate did not keep up with the offered rate");
        assertThat(report).contains("5,000 (incomplete) | 1 | 0 |");
        assertThat(report).contains("| throughput | gate | 100 | 1 | 1 / 0 | 0 | 1 / 0 / 0 | 0 |");
        assertThat(report).doesNotContain("were not allowed");
    }

    @Test
    void benignActionsThatWereHeldAreCalledOut() {
        Delivery held = new Delivery(100, 0, 0, 0, 7, 0, 0, 0, 0);
        MarkdownReport.Results results = new MarkdownReport.Results(
                phase("gate", "latency", latency(12, 20, 22, 45), 200, 200, held, true),
                phase("baseline", "latency", latency(8, 12, 15, 20), 200, 200, CLEAN, true),
                phase("gate", "throughput", latency(900, 1500, 1800, 1900), Double.NaN, 5000, CLEAN, true),
                phase("baseline", "throughput", latency(100, 200, 300, 400), Double.NaN, 2400, CLEAN, true));

        assertThat(MarkdownReport.render("t", List.of(), BenchPlan.QUICK, results))
                .contains("**7 benign actions were not allowed**");
    }

    @Test
    void formatsMissingFiguresAsNotAvailable() {
        assertThat(MarkdownReport.ratio(Double.NaN, 2)).isEqualTo("n/a");
        assertThat(MarkdownReport.ratio(3, 0)).isEqualTo("n/a");
        assertThat(MarkdownReport.millis(Double.NaN)).isEqualTo("n/a");
        assertThat(MarkdownReport.millis(3.14159)).isEqualTo("3.14");
        assertThat(MarkdownReport.millis(31.4159)).isEqualTo("31.4");
        assertThat(MarkdownReport.rate(20_000.4)).isEqualTo("20,000");
    }

    private static LatencySummary latency(double p50, double p90, double p99, double max) {
        return new LatencySummary(100, p50, p90, p99, max);
    }

    private static PhaseResult phase(String route, String phase, LatencySummary latency, double offered,
            double settled, Delivery delivery, boolean drained) {
        return new PhaseResult(route, phase, latency, offered, settled, delivery, drained, 0);
    }
}
