package org.alignlab.review.round;

import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;

/**
 * What review decided to do with a settled round: claims to test, the replications they need, and the runs that
 * are reviewed on their own (failed, not comparable, or nothing to compare them with).
 *
 * @param baseline the baseline the claims compare against (null when there are no claims)
 */
record RoundPlan(UUID baseline, List<PlannedClaim> claims, List<AgentAction> replications, List<Single> singles) {

    /** A candidate against the baseline, judged on one metric. */
    record PlannedClaim(UUID candidate, UUID baseline, String metric, boolean higherIsBetter) {
    }

    /**
     * A run reviewed on its own.
     *
     * @param why why it is not compared; null for a run that did not succeed (its failure is the review)
     */
    record Single(ActionView run, String why) {
    }
}
