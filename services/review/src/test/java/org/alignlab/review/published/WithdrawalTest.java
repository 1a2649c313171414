package org.alignlab.review.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.json.EventCodec;
import org.junit.jupiter.api.Test;

class WithdrawalTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID CANDIDATE = UUID.randomUUID();
    private static final UUID BASELINE = UUID.randomUUID();
    private static final UUID REPLICATION = UUID.randomUUID();
    private static final Review ACCEPTED = new Review(GOAL, CANDIDATE, List.of(CANDIDATE, BASELINE, REPLICATION),
            ReviewVerdict.ACCEPTED, 0.99, 0.15, List.of(0.1, 0.2), 0.001, 0.002, "Candidate beats baseline.",
            List.of("replicated-heldout"));

    @Test
    void aReviewWithNoQuarantinedResultIsLeftAsItIs() {
        assertThat(Withdrawal.apply(ACCEPTED, Map.of())).isSameAs(ACCEPTED);
        assertThat(Withdrawal.apply(ACCEPTED, Map.of(UUID.randomUUID(), "another claim's result"))).isSameAs(ACCEPTED);
    }

    @Test
    void aQuarantinedResultWithdrawsTheClaimAndSaysWhy() {
        Review withdrawn = Withdrawal.apply(ACCEPTED, Map.of(REPLICATION, "stored pgr 0.55, re-run 0.40"));

        assertThat(withdrawn.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(withdrawn.score()).isZero();
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.quarantinedActions()).containsExactly(REPLICATION);
        assertThat(withdrawn.flags()).containsExactly("replicated-heldout", Withdrawal.FLAG);
        assertThat(withdrawn.rationale())
                .startsWith(
                        "Withdrawn: the result of action " + REPLICATION + " failed the platform's re-execution audit")
                .contains("(stored pgr 0.55, re-run 0.40)")
                .endsWith("Review before the quarantine: Candidate beats baseline.");
        assertThat(withdrawn.claimId()).isEqualTo(CANDIDATE);
        assertThat(withdrawn.actionIds()).isEqualTo(ACCEPTED.actionIds());
        assertThat(withdrawn.effect()).isEqualTo(ACCEPTED.effect());
        // The withdrawn review is a valid event.
        assertThat(EventCodec.decode(EventCodec.encode(withdrawn), Review.class)).isEqualTo(withdrawn);
    }

    @Test
    void withdrawingAgainForTheSameResultChangesNothingAndForAnotherNamesBoth() {
        Map<UUID, String> one = Map.of(REPLICATION, "pgr differs");
        Review once = Withdrawal.apply(ACCEPTED, one);
        assertThat(Withdrawal.apply(once, one)).isSameAs(once);

        Review twice = Withdrawal.apply(once, Map.of(REPLICATION, "pgr differs", BASELINE, "gold_peak differs"));

        // In the order the review lists its actions; the first review's rationale kept once.
        assertThat(twice.quarantinedActions()).containsExactly(BASELINE, REPLICATION);
        assertThat(twice.flags()).containsExactly("replicated-heldout", Withdrawal.FLAG);
        assertThat(twice.rationale()).contains("action " + BASELINE).contains("action " + REPLICATION)
                .endsWith("Review before the quarantine: Candidate beats baseline.");
        assertThat(twice.rationale().split("Review before the quarantine", -1)).hasSize(2);
    }

    @Test
    void aLongMismatchAccountKeepsTheRationaleWithinItsBound() {
        Review withdrawn = Withdrawal.apply(ACCEPTED, Map.of(REPLICATION, "x".repeat(4000)));

        assertThat(withdrawn.rationale().length()).isLessThanOrEqualTo(Withdrawal.MAX_RATIONALE);
        assertThat(withdrawn.rationale()).contains("x".repeat(Withdrawal.MAX_DETAIL - 1) + "…");
    }
}
