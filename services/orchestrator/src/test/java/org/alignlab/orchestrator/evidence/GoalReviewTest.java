package org.alignlab.orchestrator.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.junit.jupiter.api.Test;

class GoalReviewTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final UUID CLAIM = UUID.randomUUID();
    private static final UUID REPLICATION = UUID.randomUUID();
    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Review ACCEPTED = review(ReviewVerdict.ACCEPTED, null);
    private static final Review WITHDRAWN = review(ReviewVerdict.REJECTED, List.of(REPLICATION));

    @Test
    void aRedeliveredReviewDoesNotReplaceTheStoredOne() {
        assertThat(new GoalReview(ACCEPTED, RECEIVED).isSupersededBy(ACCEPTED)).isFalse();
    }

    @Test
    void aWithdrawalReplacesTheReviewAndKeepsItsPlace() {
        GoalReview stored = new GoalReview(ACCEPTED, RECEIVED);

        assertThat(stored.isSupersededBy(WITHDRAWN)).isTrue();
        stored.supersede(WITHDRAWN);

        assertThat(stored.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(stored.withdrawn()).isTrue();
        assertThat(stored.quarantinedActions()).containsExactly(REPLICATION);
        assertThat(stored.rationale()).isEqualTo(WITHDRAWN.rationale());
        assertThat(stored.receivedAt()).isEqualTo(RECEIVED);
        assertThat(stored.claimId()).isEqualTo(CLAIM);
    }

    @Test
    void nothingUndoesAWithdrawalButOneNamingMoreResultsReplacesIt() {
        GoalReview stored = new GoalReview(WITHDRAWN, RECEIVED);

        assertThat(stored.isSupersededBy(ACCEPTED)).as("the earlier review, redelivered late").isFalse();
        assertThat(stored.isSupersededBy(WITHDRAWN)).as("the withdrawal, redelivered").isFalse();
        assertThat(stored.isSupersededBy(review(ReviewVerdict.REJECTED, List.of(REPLICATION, CLAIM)))).isTrue();
    }

    private static Review review(ReviewVerdict verdict, List<UUID> quarantined) {
        return new Review(GOAL, CLAIM, List.of(CLAIM, REPLICATION), verdict, verdict == ReviewVerdict.ACCEPTED ? 0.9
                : 0.0, 0.2, List.of(0.1, 0.3), 0.01, 0.02, "judged", List.of(), quarantined);
    }
}
