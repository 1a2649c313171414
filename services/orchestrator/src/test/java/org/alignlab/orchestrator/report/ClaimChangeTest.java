package org.alignlab.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.junit.jupiter.api.Test;

class ClaimChangeTest {

    @Test
    void namesEachChangedParameterInOrderWithBothValues() {
        assertThat(ClaimChange.between(Map.of(),
                Map.of("noise", 0.1, "auxLossAlpha", 0, "epochs", 20),
                Map.of("noise", 0.2, "auxLossAlpha", 0.371234567, "epochs", 20)))
                .isEqualTo("auxLossAlpha 0 → 0.3712, noise 0.1 → 0.2");
    }

    @Test
    void integersAreExactAndDecimalsTooCloseForFourDigitsAreShownWhole() {
        assertThat(ClaimChange.between(Map.of(), Map.of("prompts", 400), Map.of("prompts", 12345)))
                .isEqualTo("prompts 400 → 12345");
        assertThat(ClaimChange.between(Map.of(), Map.of("learningRate", 0.0100001), Map.of("learningRate", 0.01)))
                .isEqualTo("learningRate 0.0100001 → 0.01");
    }

    @Test
    void anIntegerAndTheSameDecimalAreNoChange() {
        assertThat(ClaimChange.between(Map.of(), Map.of("labelNoise", 5), Map.of("labelNoise", 5.0)))
                .isEqualTo("no parameter changed");
    }

    @Test
    void aParameterLeftOutTakesTheFamilysDefaultOrReadsDefaultWithoutOne() {
        Map<String, Object> defaults = FamilyCatalogue.standard().get("reward-overoptimization").defaults();
        assertThat(ClaimChange.between(defaults, Map.of(), Map.of("proxySamples", 512, "nonlinearity", "tanh")))
                .isEqualTo("nonlinearity default → tanh, proxySamples 64 → 512");
        assertThat(ClaimChange.between(defaults, Map.of("labelNoise", 0.5), Map.of("hidden", 64)))
                .isEqualTo("hidden 32 → 64");
        assertThat(ClaimChange.between(FamilyCatalogue.standard().get("script").defaults(), Map.of("hidden", 64), null))
                .isEqualTo("hidden 64 → default");
    }
}
