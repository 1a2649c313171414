package org.alignlab.review.published;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;

/**
 * The review of a run judged on its own, outside any claim: honest about what a single run can show. A run that
 * succeeded is inconclusive (nothing to compare it with, no replication); a run that did not is rejected. The
 * claim is the action's, so a redelivered result yields the same claim id.
 */
@ApplicationScoped
public class ReviewPolicy {

    static final String ORPHAN_REASON = "review never received the action itself, so it cannot tell its round or "
            + "baseline";

    /** A result whose action review never saw. */
    public Review review(ExperimentResult result) {
        return single(result, ORPHAN_REASON);
    }

    /** @param why why the run is not compared with a baseline */
    public Review single(ExperimentResult result, String why) {
        List<UUID> actionIds = List.of(result.actionId());
        if (result.status() == ExperimentStatus.SUCCEEDED) {
            return new Review(result.goalId(), result.actionId(), actionIds, ReviewVerdict.INCONCLUSIVE, 0.5,
                    null, null, null, null, "One run of the configuration, reviewed on its own: " + why + ".",
                    List.of("single-run", "not-replicated"));
        }
        return new Review(result.goalId(), result.actionId(), actionIds, ReviewVerdict.REJECTED, 0.0,
                null, null, null, null, failureRationale(result), List.of("run-failed"));
    }

    private static String failureRationale(ExperimentResult result) {
        String reason = result.reason() == null || result.reason().isBlank() ? "no reason given" : result.reason();
        return "The run ended " + result.status() + ": " + reason;
    }
}
