package org.alignlab.sandbox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.sandbox.verification.ReexecutionVerdict.Kind;
import org.junit.jupiter.api.Test;

class ReexecutionVerdictTest {

    private static final RunNumbers RECORDED = numbers(ExperimentStatus.SUCCEEDED, 0.93, 0.93);

    @Test
    void aDifferenceIsAMismatchWhateverTheFreshSeedsShow() {
        ReexecutionVerdict verdict = ReexecutionVerdict.of(List.of("pgr: recorded 0.6, reproduced 0.4"), RECORDED,
                Optional.of(numbers(ExperimentStatus.SUCCEEDED, 0.1, 0.2)));

        assertThat(verdict.kind()).isEqualTo(Kind.MISMATCH);
        assertThat(verdict.reasons()).containsExactly("pgr: recorded 0.6, reproduced 0.4");
    }

    @Test
    void aFamilyRunThatReproducesIsReproduced() {
        assertThat(ReexecutionVerdict.of(List.of(), RECORDED, Optional.empty()).kind()).isEqualTo(Kind.REPRODUCED);
    }

    @Test
    void aScriptMeasuredNothingIfNoMetricMovesOnFreshSeeds() {
        ReexecutionVerdict constant = ReexecutionVerdict.of(List.of(), RECORDED,
                Optional.of(numbers(ExperimentStatus.SUCCEEDED, 0.93, 0.93)));
        assertThat(constant.kind()).isEqualTo(Kind.NOT_MEASURED);
        assertThat(constant.reasons()).singleElement().asString().contains("asserted, not measured", "accuracy");
        assertThat(ReexecutionVerdict.of(List.of(), RECORDED,
                Optional.of(numbers(ExperimentStatus.SUCCEEDED, 0.91, 0.95))).kind()).isEqualTo(Kind.REPRODUCED);
        assertThat(ReexecutionVerdict.of(List.of(), RECORDED,
                Optional.of(numbers(ExperimentStatus.FAILED, 0, 0))).reasons())
                .singleElement().asString().startsWith("the script does not succeed on other seeds: FAILED");
    }

    @Test
    void freshSeedsAreAsManyAndNoneOfTheOldOnes() {
        ExperimentSpec spec = new ExperimentSpec("script", Map.of(), List.of(1, 2, 3), Split.VALIDATION,
                new ResourceRequest(30, 256, 30), "class A {}");

        ExperimentSpec reseeded = ReexecutionVerdict.reseeded(spec, new SplittableRandom(5));

        assertThat(reseeded.seeds()).hasSize(3).doesNotContainAnyElementsOf(spec.seeds()).doesNotHaveDuplicates();
        assertThat(reseeded.script()).isEqualTo(spec.script());
        assertThat(reseeded.resources()).isEqualTo(spec.resources());
    }

    @Test
    void aScriptWithSomeMeasuredMetricsReproducesAndNamesTheOthers() {
        RunNumbers recorded = new RunNumbers(ExperimentStatus.SUCCEEDED, null, Map.of("layers", 3.0, "acc", 0.8),
                List.of(new SeedMetrics(1, Map.of("layers", 3.0, "acc", 0.79)),
                        new SeedMetrics(2, Map.of("layers", 3.0, "acc", 0.81))));
        RunNumbers fresh = new RunNumbers(ExperimentStatus.SUCCEEDED, null, Map.of("layers", 3.0, "acc", 0.82),
                List.of(new SeedMetrics(7, Map.of("layers", 3.0, "acc", 0.83)),
                        new SeedMetrics(9, Map.of("layers", 3.0, "acc", 0.81))));

        ReexecutionVerdict verdict = ReexecutionVerdict.of(List.of(), recorded, Optional.of(fresh));

        assertThat(verdict.kind()).isEqualTo(Kind.REPRODUCED);
        assertThat(verdict.reasons()).containsExactly("did not move on fresh seeds: layers");
    }

    private static RunNumbers numbers(ExperimentStatus status, double first, double second) {
        return new RunNumbers(status, null, Map.of("accuracy", (first + second) / 2),
                List.of(new SeedMetrics(1, Map.of("accuracy", first)), new SeedMetrics(2, Map.of("accuracy", second))));
    }
}
