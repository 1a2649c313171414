package org.alignlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class InferenceReportTest {

    @Test
    void reportsBothRatiosPerConcurrencyAndJudgesTheTargets() {
        InferenceReport.Point low = new InferenceReport.Point(1, result(1, 1000, 1.0), result(1, 500, 2.0),
                result(1, 520, 1.9), 1.0, 1.0);
        InferenceReport.Point high = new InferenceReport.Point(32, result(32, 2000, 16.0), result(32, 1800, 18.0),
                result(32, 400, 80.0), 9.5, 1.0);

        String report = InferenceReport.render("Inference", List.of("machine"), List.of(low, high));

        assertThat(high.batchingGain()).isEqualTo(4.5);
        assertThat(low.overhead()).isEqualTo(2.0);
        assertThat(report).contains("| HTTP, batching on | 32 | 1,800 | 18.0 | 18.0 | 18.0 | 9.50 | 0 |")
                .contains("| 32 | 4.50× | 1.11× | 1.13× |")
                .contains("batched ≥ 4.00× unbatched at concurrency 32 — **met** (4.50×)")
                .contains("overhead ≤ 1.20× — **met at some concurrencies only** (2.00× at 1, 1.11× at 32)");
    }

    /** A phase of 10 s at {@code perSecond} whose every request took {@code millis}. */
    private static ClosedLoop.Result result(int concurrency, long perSecond, double millis) {
        Histogram micros = new Histogram(60_000_000L, 3);
        micros.recordValueWithCount((long) (millis * 1000), perSecond * 10);
        return new ClosedLoop.Result(concurrency, perSecond * 10, 0, 10.0, micros);
    }
}
