package org.alignlab.review.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;

/**
 * The walking skeleton's judgement of one result: honest about what a single run can show. A run that
 * succeeded is inconclusive (no replication, no statistics); a run that did not is rejected.
 */
@ApplicationScoped
public class ReviewPolicy {

    static final String SINGLE_RUN_RATIONALE =
            "One run of the configuration; statistical review with held-out replication is not implemented yet.";

    /** The claim is the action's: one review per action, so a redelivered result yields the same claim id. */
    public Review review(ExperimentResult result) {
        List<UUID> actionIds = List.of(result.actionId());
        if (result.status() == ExperimentStatus.SUCCEEDED) {
            return new Review(result.goalId(), result.actionId(), actionIds, ReviewVerdict.INCONCLUSIVE, 0.5,
                    null, null, null, null, SINGLE_RUN_RATIONALE, List.of("single-run", "not-replicated"));
        }
        return new Review(result.goalId(), result.actionId(), actionIds, ReviewVerdict.REJECTED, 0.0,
                null, null, null, null, failureRationale(result), List.of("run-failed"));
    }

    private static String failureRationale(ExperimentResult result) {
        String reason = result.reason() == null || result.reason().isBlank() ? "no reason given" : result.reason();
        return "The run ended " + result.status() + ": " + reason;
    }
}
