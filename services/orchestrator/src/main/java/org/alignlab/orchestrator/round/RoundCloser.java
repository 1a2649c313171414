package org.alignlab.orchestrator.round;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.orchestrator.goal.GoalStatus;

/**
 * Decides whether a round is settled and how the goal ends. Pure logic, so the rule reads in one place:
 * <ul>
 *   <li>an action is settled when the monitor's verdict means it will not run as proposed: BLOCK, or
 *       DEFER_TO_TRUSTED once its trusted replacement has been heard of (the replacement is an action of the goal
 *       in its own right and is waited for like any other); or when a review covers it <em>and</em> its verdict and
 *       result have arrived too: the three come on separate topics, and a report must not miss the verdict or
 *       result of a reviewed action just because its consumer lagged;</li>
 *   <li>a HELD action is never settled: it waits for a reviewer's decision or the review timeout, whose verdict
 *       supersedes the hold (or for the goal's own wall-clock limit);</li>
 *   <li>a round is settled when it has at least one action and every action is settled;</li>
 *   <li>the goal is then COMPLETED if some action's experiment succeeded, and FAILED otherwise: a goal whose
 *       every run was refused, blocked or crashed produced no evidence, however its reviews read.</li>
 * </ul>
 */
public final class RoundCloser {

    private static final Set<Decision> NOT_RUN = EnumSet.of(Decision.BLOCK, Decision.DEFER_TO_TRUSTED);

    /**
     * What the closer needs to know of one action.
     *
     * @param replacementPending a DEFER_TO_TRUSTED whose replacement the orchestrator has not heard of yet
     */
    public record ActionState(Decision decision, ExperimentStatus resultStatus, boolean reviewed,
            boolean replacementPending) {

        /** An action with no trusted replacement outstanding. */
        public ActionState(Decision decision, ExperimentStatus resultStatus, boolean reviewed) {
            this(decision, resultStatus, reviewed, false);
        }

        boolean settled() {
            if (decision != null && NOT_RUN.contains(decision)) {
                return !replacementPending;
            }
            return reviewed && decision != null && resultStatus != null;
        }

        boolean producedEvidence() {
            return resultStatus == ExperimentStatus.SUCCEEDED;
        }
    }

    /** The goal's final status if its round is settled; empty while something is still outstanding. */
    public Optional<GoalStatus> settle(List<ActionState> actions) {
        if (actions.isEmpty() || !actions.stream().allMatch(ActionState::settled)) {
            return Optional.empty();
        }
        return Optional.of(actions.stream().anyMatch(ActionState::producedEvidence) ? GoalStatus.COMPLETED
                : GoalStatus.FAILED);
    }
}
