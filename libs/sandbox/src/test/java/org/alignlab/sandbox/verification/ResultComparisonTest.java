package org.alignlab.sandbox.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.SeedMetrics;
import org.junit.jupiter.api.Test;

class ResultComparisonTest {

    private final ResultComparison exact = new ResultComparison(1e-9);

    @Test
    void theSameNumbersReproduceWhateverElseTheRunSaid() {
        RunNumbers first = result(ExperimentStatus.SUCCEEDED, Map.of("pgr", 0.41), seeds(0.40, 0.42));
        RunNumbers second = new RunNumbers(ExperimentStatus.SUCCEEDED, "another note", Map.of("pgr", 0.41),
                seeds(0.40, 0.42));

        assertThat(exact.differences(first, second)).isEmpty();
    }

    @Test
    void namesEveryMetricAndSeedThatDiffers() {
        RunNumbers recorded = result(ExperimentStatus.SUCCEEDED, Map.of("pgr", 0.61, "acc", 0.9),
                seeds(0.60, 0.62));
        RunNumbers reproduced = result(ExperimentStatus.SUCCEEDED, Map.of("pgr", 0.41, "acc", 0.9),
                List.of(new SeedMetrics(1, Map.of("pgr", 0.60)), new SeedMetrics(3, Map.of("pgr", 0.22))));

        assertThat(exact.differences(recorded, reproduced)).containsExactly(
                "pgr: recorded 0.61, reproduced 0.41",
                "seed 2: not reproduced",
                "seed 3: not recorded");
    }

    @Test
    void aMetricOnlyOneRunHasIsADifference() {
        assertThat(exact.differences(result(ExperimentStatus.SUCCEEDED, Map.of("pgr", 0.5), List.of()),
                result(ExperimentStatus.SUCCEEDED, Map.of("pgr", 0.5, "leak", 1.0), List.of())))
                .containsExactly("leak: recorded null, reproduced 1.0");
    }

    @Test
    void aRunThatNoLongerSucceedsDiffersInStatus() {
        assertThat(exact.differences(result(ExperimentStatus.SUCCEEDED, Map.of(), List.of()),
                result(ExperimentStatus.TIMED_OUT, Map.of(), List.of())))
                .containsExactly("status: recorded SUCCEEDED, reproduced TIMED_OUT");
    }

    @Test
    void toleratesRoundingButNotAChange() {
        assertThat(exact.close(0.1 + 0.2, 0.3)).isTrue();
        assertThat(exact.close(1e12, 1e12 + 1)).as("relative to the size of the number").isTrue();
        assertThat(exact.close(0.3, 0.3000001)).isFalse();
        assertThat(exact.close(Double.NaN, Double.NaN)).isTrue();
        assertThat(new ResultComparison(0).close(0.1 + 0.2, 0.3)).isFalse();
        assertThatThrownBy(() -> new ResultComparison(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SeedMetrics> seeds(double first, double second) {
        return List.of(new SeedMetrics(1, Map.of("pgr", first)), new SeedMetrics(2, Map.of("pgr", second)));
    }

    private static RunNumbers result(ExperimentStatus status, Map<String, Double> metrics,
            List<SeedMetrics> perSeed) {
        return new RunNumbers(status, null, metrics, perSeed);
    }
}
