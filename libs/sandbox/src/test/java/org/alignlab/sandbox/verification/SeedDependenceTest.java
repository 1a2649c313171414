package org.alignlab.sandbox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.SeedMetrics;
import org.junit.jupiter.api.Test;

class SeedDependenceTest {

    @Test
    void aMetricThatComesOutTheSameOnOtherSeedsWasNotMeasured() {
        RunNumbers recorded = result(Map.of("accuracy", 0.93, "loss", 0.2),
                seed(1, 0.93, 0.1), seed(2, 0.93, 0.3));
        RunNumbers reseeded = result(Map.of("accuracy", 0.93, "loss", 0.25),
                seed(81, 0.93, 0.2), seed(97, 0.93, 0.3));

        assertThat(SeedDependence.unmoved(recorded, reseeded)).containsExactly("accuracy");
    }

    @Test
    void aMetricMovesIfItMovesForAnySeedOrOverall() {
        RunNumbers recorded = result(Map.of("accuracy", 0.9), seed(1, 0.9, 0), seed(2, 0.9, 0));

        assertThat(SeedDependence.unmoved(recorded, result(Map.of("accuracy", 0.9), seed(5, 0.9, 0),
                seed(6, 0.91, 0)))).doesNotContain("accuracy");
        assertThat(SeedDependence.unmoved(recorded, result(Map.of("accuracy", 0.92), seed(5, 0.9, 0),
                seed(6, 0.9, 0)))).doesNotContain("accuracy");
    }

    @Test
    void aMetricReportedOnlyOverallIsComparedOverall() {
        RunNumbers recorded = result(Map.of("pgr", 0.4), new SeedMetrics(1, Map.of()));

        assertThat(SeedDependence.unmoved(recorded, result(Map.of("pgr", 0.4), new SeedMetrics(9, Map.of()))))
                .containsExactly("pgr");
        assertThat(SeedDependence.unmoved(recorded, result(Map.of("pgr", 0.5), new SeedMetrics(9, Map.of()))))
                .isEmpty();
    }

    private static SeedMetrics seed(int seed, double accuracy, double loss) {
        return new SeedMetrics(seed, Map.of("accuracy", accuracy, "loss", loss));
    }

    private static RunNumbers result(Map<String, Double> metrics, SeedMetrics... perSeed) {
        return new RunNumbers(ExperimentStatus.SUCCEEDED, null, metrics, List.of(perSeed));
    }
}
