package org.alignlab.orchestrator.round;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;

/**
 * Decides whether a round is settled. Pure logic, so the rule reads in one place:
 * <ul>
 *   <li>no action is settled before its proposal has arrived: the proposal carries the round it belongs to and
 *       whether it spends the experiments budget, and it comes on its own topic, so the monitor's verdict, the
 *       result and even the review can be heard of first;</li>
 *   <li>an action is settled when the monitor's verdict means it will not run as proposed: BLOCK, or
 *       DEFER_TO_TRUSTED once its trusted replacement has been heard of (the replacement is an action of the goal
 *       in its own right and is waited for like any other); or when a review covers it <em>and</em> its verdict and
 *       result have arrived too: the three come on separate topics, and a report must not miss the verdict or
 *       result of a reviewed action just because its consumer lagged;</li>
 *   <li>a HELD action is never settled: it waits for a reviewer's decision or the review timeout, whose verdict
 *       supersedes the hold (or for the goal's own wall-clock limit);</li>
 *   <li>a round is settled when it has at least one action and every action is settled.</li>
 * </ul>
 * How the goal goes on from there is the {@link RoundStateMachine}'s to decide.
 */
public final class RoundCloser {

    private static final Set<Decision> NOT_RUN = EnumSet.of(Decision.BLOCK, Decision.DEFER_TO_TRUSTED);

    /**
     * What the closer needs to know of one action.
     *
     * @param proposalHeard      the agent's proposal itself has arrived, not only what was said about it
     * @param replacementPending a DEFER_TO_TRUSTED whose replacement the orchestrator has not heard of yet
     */
    public record ActionState(boolean proposalHeard, Decision decision, ExperimentStatus resultStatus,
            boolean reviewed, boolean replacementPending) {

        /** A proposed action with no trusted replacement outstanding. */
        public ActionState(Decision decision, ExperimentStatus resultStatus, boolean reviewed) {
            this(true, decision, resultStatus, reviewed, false);
        }

        boolean settled() {
            if (!proposalHeard) {
                return false;
            }
            if (decision != null && NOT_RUN.contains(decision)) {
                return !replacementPending;
            }
            return reviewed && decision != null && resultStatus != null;
        }
    }

    /** Whether the round has at least one action and every action in it is settled. */
    public boolean isSettled(List<ActionState> actions) {
        return !actions.isEmpty() && actions.stream().allMatch(ActionState::settled);
    }
}
