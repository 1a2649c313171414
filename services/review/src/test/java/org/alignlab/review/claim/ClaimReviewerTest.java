package org.alignlab.review.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.junit.jupiter.api.Test;

class ClaimReviewerTest {

    private static final double[] BASE_VALIDATION = {0.50, 0.52, 0.48, 0.51, 0.49};
    private static final double[] BASE_HELDOUT = {0.50, 0.47, 0.52, 0.49, 0.51, 0.50, 0.48, 0.53, 0.49, 0.51};

    /** Weak-to-strong's smallest effect of interest on PGR. */
    private static final double SMALLEST = 0.05;

    private final ClaimReviewer reviewer = new ClaimReviewer(ReviewSettings.DEFAULTS);

    @Test
    void aGainThatReplicatesOnHeldOutIsAccepted() {
        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, 0.1), shift(BASE_HELDOUT, 0.1), true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.ACCEPTED);
        assertThat(j.effect()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(j.interval().get(0)).isPositive();
        assertThat(j.adjustedP()).isLessThan(0.05);
        assertThat(j.score()).isGreaterThan(0.99);
        assertThat(j.flags()).containsExactly(ClaimJudgement.REPLICATED);
        assertThat(j.rationale()).contains("ACCEPTED").contains("Welch").contains("Hedges' g").contains("pgr");
    }

    @Test
    void aValidationGainThatVanishesOnHeldOutIsOverfitToTheProxy() {
        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, 0.1), reversed(BASE_HELDOUT), true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(j.flags()).contains(ClaimJudgement.OVERFIT_TO_PROXY);
        assertThat(j.validation().pValue()).isLessThan(0.05);
        assertThat(j.rationale()).contains("overfit to the proxy");
    }

    @Test
    void noGainOnHeldOutIsRejectedAsNoEffectWhenTheDifferenceIsShownWithinTheSmallestEffect() {
        ClaimJudgement j = single(evidence(reversed(BASE_VALIDATION), shift(BASE_HELDOUT, -0.002), true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(j.flags()).contains(ClaimJudgement.EQUIVALENT).doesNotContain(ClaimJudgement.OVERFIT_TO_PROXY,
                ClaimJudgement.SIGNIFICANT_HARM);
        assertThat(j.rationale()).contains("no effect of interest").contains("±0.05");
        assertThat(j.score()).isLessThan(0.5);
    }

    @Test
    void noGainOnHeldOutWithSeedsTooNoisyToRuleOutAnEffectIsInconclusiveAndSaysWhatCouldHide() {
        double[] noisy = {0.30, 0.70, 0.45, 0.62, 0.38, 0.55, 0.41, 0.66, 0.35, 0.52};
        double[] noisyCandidate = shift(noisy, -0.01);

        ClaimJudgement j = single(evidence(reversed(BASE_VALIDATION), noisyCandidate, noisy, true));

        assertThat(j.effect()).isNegative();
        assertThat(j.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(j.flags()).doesNotContain(ClaimJudgement.EQUIVALENT);
        assertThat(j.rationale()).contains("not enough evidence either way").contains("could still be hiding")
                .contains("with 80% power takes about").contains("this comparison had 10 and 10");
    }

    @Test
    void aSignificantlyWorseCandidateIsRejectedAsHarm() {
        ClaimJudgement j = single(evidence(reversed(BASE_VALIDATION), shift(BASE_HELDOUT, -0.2), true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(j.flags()).contains(ClaimJudgement.SIGNIFICANT_HARM).doesNotContain(ClaimJudgement.EQUIVALENT);
        assertThat(j.rationale()).contains("significantly worse");
    }

    @Test
    void aSignificantGainSmallerThanTheSmallestEffectIsAcceptedAndSaysSo() {
        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, 0.1), shift(BASE_HELDOUT, 0.03), true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.ACCEPTED);
        assertThat(j.flags()).contains(ClaimJudgement.BELOW_SMALLEST_EFFECT);
        assertThat(j.rationale()).contains("smaller than the smallest effect of interest");
    }

    @Test
    void aSmallPositiveHeldOutGainShownWithinTheSmallestEffectIsNoEffectOfInterest() {
        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, 0.005), shift(BASE_HELDOUT, 0.004), true));

        assertThat(j.effect()).isPositive();
        assertThat(j.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(j.flags()).contains(ClaimJudgement.EQUIVALENT);
    }

    @Test
    void aPositiveHeldOutGainTooNoisyToTellIsInconclusive() {
        double[] noisy = {0.30, 0.70, 0.45, 0.62, 0.38, 0.55, 0.41, 0.66, 0.35, 0.52};

        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, 0.005), shift(noisy, 0.03), noisy, true));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(j.rationale()).contains("not significant");
    }

    @Test
    void aLowerIsBetterMetricIsOrientedButReportedInItsOwnUnits() {
        ClaimJudgement j = single(evidence(shift(BASE_VALIDATION, -0.1), shift(BASE_HELDOUT, -0.1), false));

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.ACCEPTED);
        assertThat(j.effect()).isNegative();
        assertThat(j.interval().get(1)).isNegative();
        assertThat(j.interval().get(0)).isLessThan(j.interval().get(1));
    }

    @Test
    void fewerThanKValidationSeedsIsInconclusiveAndNotTested() {
        ClaimEvidence e = new ClaimEvidence(UUID.randomUUID(), "pgr", true, SMALLEST, new double[] {0.6, 0.61},
                BASE_VALIDATION, shift(BASE_HELDOUT, 0.1), BASE_HELDOUT);

        ClaimJudgement j = single(e);

        assertThat(j.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(j.flags()).containsExactly(ClaimJudgement.TOO_FEW_VALIDATION_SEEDS);
        assertThat(j.pValue()).isNull();
        assertThat(j.rationale()).contains("at least 5 validation seeds");
    }

    @Test
    void aMissingReplicationIsInconclusive() {
        ClaimEvidence e = new ClaimEvidence(UUID.randomUUID(), "pgr", true, SMALLEST, shift(BASE_VALIDATION, 0.1),
                BASE_VALIDATION, new double[0], BASE_HELDOUT);

        assertThat(single(e).flags()).containsExactly(ClaimJudgement.NOT_REPLICATED);
    }

    @Test
    void theGoalsEarlierClaimsCountInTheBenjaminiHochbergFamily() {
        ClaimEvidence e = evidence(shift(BASE_VALIDATION, 0.1), shift(BASE_HELDOUT, 0.02), true);

        ClaimJudgement alone = single(e);
        ClaimJudgement afterOthers = reviewer.review(List.of(e), List.of(0.9, 0.8, 0.7)).get(0);

        assertThat(afterOthers.pValue()).isEqualTo(alone.pValue());
        assertThat(afterOthers.adjustedP()).isGreaterThan(alone.adjustedP());
        assertThat(afterOthers.rationale()).contains("across 4 claim(s)");
    }

    @Test
    void theSameEvidenceGetsTheSameJudgement() {
        ClaimEvidence e = evidence(shift(BASE_VALIDATION, 0.03), shift(BASE_HELDOUT, 0.01), true);

        assertThat(single(e).interval()).isEqualTo(single(e).interval());
        assertThat(single(e).rationale()).isEqualTo(single(e).rationale());
    }

    private ClaimJudgement single(ClaimEvidence evidence) {
        return reviewer.review(List.of(evidence), List.of()).get(0);
    }

    private static ClaimEvidence evidence(double[] validationCandidate, double[] heldoutCandidate,
            double[] heldoutBaseline, boolean higherIsBetter) {
        return new ClaimEvidence(UUID.fromString("00000000-0000-0000-0000-000000000042"), "pgr", higherIsBetter,
                SMALLEST, validationCandidate, BASE_VALIDATION, heldoutCandidate, heldoutBaseline);
    }

    private static ClaimEvidence evidence(double[] validationCandidate, double[] heldoutCandidate,
            boolean higherIsBetter) {
        return new ClaimEvidence(UUID.fromString("00000000-0000-0000-0000-000000000042"), "pgr", higherIsBetter,
                SMALLEST, validationCandidate, BASE_VALIDATION, heldoutCandidate, BASE_HELDOUT);
    }

    private static double[] shift(double[] values, double by) {
        double[] shifted = values.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += by;
        }
        return shifted;
    }

    /** The same values in another order: the same distribution, no gain. */
    private static double[] reversed(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[values.length - 1 - i];
        }
        return copy;
    }
}
