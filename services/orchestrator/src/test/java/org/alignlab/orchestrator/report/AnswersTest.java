package org.alignlab.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.junit.jupiter.api.Test;

/** The report's answer: one conclusion per factor, from the claims that change that factor alone. */
class AnswersTest {

    private static final UUID LOW = UUID.randomUUID();
    private static final UUID HIGH = UUID.randomUUID();
    private static final UUID BOTH = UUID.randomUUID();

    @Test
    void aFactorWithAnAcceptedClaimIsSupportedWithTheLargestAcceptedEffect() {
        List<Report.ClaimEntry> claims = List.of(claim(1, HIGH, ReviewVerdict.ACCEPTED, 0.12, 0.05, 0.2),
                claim(2, LOW, ReviewVerdict.INCONCLUSIVE, 0.03, -0.04, 0.1),
                claim(3, BOTH, ReviewVerdict.ACCEPTED, 0.3, 0.2, 0.4));

        List<Report.Answer> answer = Answers.of("weak-to-strong", "q", List.of("auxLossAlpha"), claims, changes());

        assertThat(answer).singleElement().satisfies(a -> {
            assertThat(a.conclusion()).isEqualTo(Report.Answer.SUPPORTED);
            // The claim that also changed noise says nothing about auxLossAlpha alone.
            assertThat(a.claimRank()).isEqualTo(1);
            assertThat(a.effect()).isEqualTo(0.12);
            assertThat(a.named()).isTrue();
            assertThat(a.evidence()).contains("1 of 2 claims about auxLossAlpha ACCEPTED");
        });
    }

    @Test
    void aFactorIsNotSupportedOnlyWhenEveryClaimAboutItIsRejected() {
        List<Report.ClaimEntry> rejected = List.of(claim(1, HIGH, ReviewVerdict.REJECTED, 0.01, -0.02, 0.03),
                claim(2, LOW, ReviewVerdict.REJECTED, -0.01, -0.03, 0.02));
        List<Report.ClaimEntry> mixed = List.of(rejected.get(0), claim(2, LOW, ReviewVerdict.INCONCLUSIVE, -0.01,
                -0.2, 0.18));

        Report.Answer no = Answers.of("weak-to-strong", "q", List.of("auxLossAlpha"), rejected, changes()).get(0);
        Report.Answer unsure = Answers.of("weak-to-strong", "q", List.of("auxLossAlpha"), mixed, changes()).get(0);

        assertThat(no.conclusion()).isEqualTo(Report.Answer.NOT_SUPPORTED);
        assertThat(unsure.conclusion()).isEqualTo(Report.Answer.INCONCLUSIVE);
        // The claim whose interval reaches highest: the largest effect the evidence still allows.
        assertThat(unsure.claimRank()).isEqualTo(2);
        assertThat(unsure.evidence()).contains("not enough evidence either way");
    }

    @Test
    void aFactorInferredFromTheQuestionIsAnsweredAndSaysSoAndOneWithoutClaimsIsInconclusive() {
        List<Report.Answer> answer = Answers.of("weak-to-strong", "Does the auxiliary confidence loss raise PGR?",
                List.of(), List.of(), Map.of());

        assertThat(answer).singleElement().satisfies(a -> {
            assertThat(a.factor()).isEqualTo("auxLossAlpha");
            assertThat(a.named()).isFalse();
            assertThat(a.conclusion()).isEqualTo(Report.Answer.INCONCLUSIVE);
            assertThat(a.claimRank()).isNull();
        });
        assertThat(Answers.of("weak-to-strong", "What happens?", List.of(), List.of(), Map.of())).isEmpty();
    }

    @Test
    void aWithdrawnClaimIsNoEvidence() {
        Report.ClaimEntry withdrawn = new Report.ClaimEntry(1, HIGH, 1, "auxLossAlpha 0 → 0.2",
                ReviewVerdict.REJECTED, 0, 0.1, List.of(0.0, 0.2), 0.01, 0.02, "r", List.of(), List.of(),
                List.of(HIGH));

        Report.Answer answer = Answers.of("weak-to-strong", "q", List.of("auxLossAlpha"), List.of(withdrawn),
                changes()).get(0);

        assertThat(answer.conclusion()).isEqualTo(Report.Answer.INCONCLUSIVE);
        assertThat(answer.claimRank()).isNull();
    }

    private static Map<UUID, List<String>> changes() {
        return Map.of(LOW, List.of("auxLossAlpha"), HIGH, List.of("auxLossAlpha"), BOTH,
                List.of("auxLossAlpha", "noise"));
    }

    private static Report.ClaimEntry claim(int rank, UUID id, ReviewVerdict verdict, double effect, double lo,
            double hi) {
        return new Report.ClaimEntry(rank, id, 1, "auxLossAlpha 0 → x", verdict, 0.5, effect, List.of(lo, hi), 0.01,
                0.02, "r", List.of(), List.of(), List.of());
    }
}
