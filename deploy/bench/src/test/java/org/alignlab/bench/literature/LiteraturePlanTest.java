package org.alignlab.bench.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.junit.jupiter.api.Test;

class LiteraturePlanTest {

    @Test
    void weakToStrongCrossesTheAuxiliaryLossWithALargeAndASmallGap() {
        List<Arm> arms = new WeakToStrongQuestion().arms();

        assertThat(arms).extracting(arm -> arm.params().get("weakFeatures") + "/" + arm.params().get("auxLossAlpha"))
                .containsExactlyInAnyOrder("2/0.0", "2/0.5", "10/0.0", "10/0.5");
        assertThat(arms).extracting(Arm::name).containsExactlyInAnyOrder("large-gap-naive", "large-gap-aux",
                "small-gap-naive", "small-gap-aux");
    }

    @Test
    void rewardOveroptimizationComparesTheDefaultProxyDataWithEightTimesAsMuch() {
        FamilyCatalogue catalogue = FamilyCatalogue.standard();
        List<Arm> arms = new OveroptimizationQuestion().arms();

        assertThat(arms).extracting(arm -> arm.params().get("proxySamples")).containsExactly(64, 512);
        assertThat(catalogue.get("reward-overoptimization").defaults()).containsEntry("proxySamples", 64);
    }

    @Test
    void linearProbeRunsTheFamilyAtItsDefaults() {
        assertThat(new ProbeQuestion().arms()).singleElement().satisfies(arm -> {
            assertThat(arm.family()).isEqualTo("linear-probe");
            assertThat(arm.params()).isEmpty();
        });
        assertThat(FamilyCatalogue.standard().get("linear-probe").defaults()).containsEntry("hiddenLayers", 2);
    }

    @Test
    void everyArmIsAValidSpecOfItsFamilyAndNamedOnceInItsQuestion() {
        FamilyCatalogue catalogue = FamilyCatalogue.standard();
        for (Question question : LiteraturePlan.questions()) {
            assertThat(question.arms()).extracting(Arm::name).doesNotHaveDuplicates();
            assertThat(question.arms()).allSatisfy(arm -> {
                assertThat(arm.family()).isEqualTo(question.name());
                assertThat(catalogue.get(arm.family()).violations(arm.params())).isEmpty();
            });
        }
    }

    @Test
    void seedsAreFreshAndTheSameForEveryArm() {
        List<Integer> seeds = LiteraturePlan.seeds(40);

        assertThat(seeds).hasSize(40).doesNotHaveDuplicates().isSorted();
        // Past review calibration's held-out seeds, the highest any committed data uses.
        assertThat(seeds.get(0)).isGreaterThan(ReplicationDerivation.FIRST_FRESH_SEED + 80);
    }

    @Test
    void questionsAreSelectedByFamilyInTheStandardOrder() {
        assertThat(LiteraturePlan.select(null)).hasSize(3);
        assertThat(LiteraturePlan.select(List.of("linear-probe", "weak-to-strong"))).extracting(Question::name)
                .containsExactly("weak-to-strong", "linear-probe");
        assertThatThrownBy(() -> LiteraturePlan.select(List.of("w2s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weak-to-strong");
    }
}
