package org.alignlab.review.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.json.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReviewPolicyTest {

    private final ReviewPolicy policy = new ReviewPolicy();

    @Test
    void succeededRunOnItsOwnIsInconclusiveAndSaysWhy() {
        ExperimentResult result = result(ExperimentStatus.SUCCEEDED, null);

        Review review = policy.single(result, "the round has no baseline run to compare it with");

        assertThat(review.goalId()).isEqualTo(result.goalId());
        assertThat(review.claimId()).isEqualTo(result.actionId());
        assertThat(review.actionIds()).containsExactly(result.actionId());
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(review.score()).isEqualTo(0.5);
        assertThat(review.rationale()).isEqualTo("One run of the configuration, reviewed on its own: the round has "
                + "no baseline run to compare it with.");
        assertThat(review.flags()).containsExactly("single-run", "not-replicated");
        assertThat(review.effect()).isNull();
        assertThat(review.pValue()).isNull();
    }

    @Test
    void aResultWithoutItsActionSaysSo() {
        assertThat(policy.review(result(ExperimentStatus.SUCCEEDED, null)).rationale())
                .contains("never received the action");
    }

    @ParameterizedTest
    @EnumSource(value = ExperimentStatus.class, names = "SUCCEEDED", mode = EnumSource.Mode.EXCLUDE)
    void runThatDidNotSucceedIsRejectedNamingStatusAndReason(ExperimentStatus status) {
        Review review = policy.single(result(status, "sandbox said no"), "whatever");

        assertThat(review.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(review.score()).isEqualTo(0.0);
        assertThat(review.rationale()).contains(status.name()).contains("sandbox said no");
        assertThat(review.flags()).containsExactly("run-failed");
    }

    @Test
    void failureWithoutReasonSaysSo() {
        assertThat(policy.review(result(ExperimentStatus.KILLED, null)).rationale())
                .isEqualTo("The run ended KILLED: no reason given");
    }

    @Test
    void everyReviewPassesItsSchemaAndTheSameResultGivesTheSameReview() {
        ExperimentResult result = result(ExperimentStatus.TIMED_OUT, "wall clock");

        assertThat(EventCodec.encode(policy.review(result))).isEqualTo(EventCodec.encode(policy.review(result)));
        assertThat(EventCodec.encode(policy.review(result(ExperimentStatus.SUCCEEDED, null)))).contains("INCONCLUSIVE");
    }

    private static ExperimentResult result(ExperimentStatus status, String reason) {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        return new ExperimentResult(UUID.randomUUID(), UUID.randomUUID(), status, reason,
                Map.of("pgr", 0.4), List.of(), start, start.plusSeconds(2), 2000, null, null, null, null,
                null, null);
    }
}
