package org.alignlab.orchestrator.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;

/**
 * Stores what arrives from downstream services, once per event: a redelivered verdict, result or review
 * changes nothing. Runs inside the caller's transaction, which holds the goal's lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EvidenceRecorder {

    @Inject
    GoalActionRepository actions;
    @Inject
    GoalReviewRepository reviews;
    @Inject
    Clock clock;

    public boolean recordProposal(AgentAction action) {
        return action(action.id(), action.goalId()).recordProposal(action);
    }

    /** @param traceId the trace the verdict travelled in, so the report links the action to it */
    public boolean recordVerdict(Verdict verdict, String traceId) {
        return action(verdict.actionId(), verdict.goalId()).recordVerdict(verdict, traceId);
    }

    public boolean recordResult(ExperimentResult result) {
        return action(result.actionId(), result.goalId()).recordResult(result);
    }

    /**
     * Stores the review and marks every action it covers as reviewed. A claim keeps one review: a later one is a
     * redelivery and changes nothing, unless it withdraws the claim (see {@link GoalReview#isSupersededBy}).
     */
    public boolean recordReview(Review review) {
        Optional<GoalReview> stored = reviews.findByIdOptional(review.claimId());
        if (stored.isPresent()) {
            if (!stored.get().isSupersededBy(review)) {
                return false;
            }
            stored.get().supersede(review);
            return true;
        }
        reviews.persist(new GoalReview(review, clock.instant()));
        for (UUID actionId : review.actionIds()) {
            action(actionId, review.goalId()).markReviewed(review.claimId());
        }
        return true;
    }

    private GoalAction action(UUID actionId, UUID goalId) {
        return actions.findByIdOptional(actionId).orElseGet(() -> {
            GoalAction created = new GoalAction(actionId, goalId, clock.instant());
            actions.persist(created);
            return created;
        });
    }
}
