package org.alignlab.orchestrator.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.alignlab.orchestrator.round.RoundCloser.ActionState;
import org.junit.jupiter.api.Test;

class RoundCloserTest {

    private final RoundCloser closer = new RoundCloser();

    private static ActionState reviewed(ExperimentStatus status) {
        return new ActionState(Decision.ALLOW, status, true);
    }

    @Test
    void aRoundWithoutActionsIsNotSettled() {
        assertThat(closer.settle(List.of())).isEmpty();
    }

    @Test
    void aReviewedSuccessfulActionCompletesTheGoal() {
        assertThat(closer.settle(List.of(reviewed(ExperimentStatus.SUCCEEDED)))).contains(GoalStatus.COMPLETED);
    }

    @Test
    void anAllowedActionAwaitsItsReview() {
        assertThat(closer.settle(List.of(new ActionState(Decision.ALLOW, null, false)))).isEmpty();
        assertThat(closer.settle(List.of(new ActionState(Decision.ALLOW, ExperimentStatus.SUCCEEDED, false))))
                .isEmpty();
    }

    @Test
    void aReviewDoesNotSettleAnActionWhoseVerdictOrResultHasNotArrived() {
        assertThat(closer.settle(List.of(new ActionState(null, ExperimentStatus.SUCCEEDED, true)))).isEmpty();
        assertThat(closer.settle(List.of(new ActionState(Decision.ALLOW, null, true)))).isEmpty();
    }

    @Test
    void everyActionMustBeSettled() {
        assertThat(closer.settle(List.of(reviewed(ExperimentStatus.SUCCEEDED),
                new ActionState(Decision.ALLOW, ExperimentStatus.SUCCEEDED, false)))).isEmpty();
    }

    @Test
    void actionsTheMonitorDidNotAllowAreSettledWithoutReview() {
        for (Decision decision : List.of(Decision.BLOCK, Decision.DEFER_TO_TRUSTED)) {
            assertThat(closer.settle(List.of(new ActionState(decision, null, false))))
                    .as(decision.name())
                    .contains(GoalStatus.FAILED);
        }
    }

    @Test
    void aHeldActionWaitsForItsReviewer() {
        assertThat(closer.settle(List.of(new ActionState(Decision.HOLD, null, false)))).isEmpty();
    }

    @Test
    void aDeferredActionWaitsUntilItsTrustedReplacementIsKnown() {
        assertThat(closer.settle(List.of(new ActionState(Decision.DEFER_TO_TRUSTED, null, false, true)))).isEmpty();
        assertThat(closer.settle(List.of(new ActionState(Decision.DEFER_TO_TRUSTED, null, false, false),
                reviewed(ExperimentStatus.SUCCEEDED)))).contains(GoalStatus.COMPLETED);
    }

    @Test
    void oneSucceededActionAmongBlockedOnesCompletesTheGoal() {
        assertThat(closer.settle(List.of(new ActionState(Decision.BLOCK, null, false),
                reviewed(ExperimentStatus.SUCCEEDED)))).contains(GoalStatus.COMPLETED);
    }

    @Test
    void aGoalWhoseRunsWereAllRefusedOrFailedEndsFailedEvenWhenReviewed() {
        // A refused run (no sandbox, bad ticket) is reviewed as REJECTED, but no experiment produced evidence.
        assertThat(closer.settle(List.of(reviewed(ExperimentStatus.REFUSED), reviewed(ExperimentStatus.FAILED))))
                .contains(GoalStatus.FAILED);
    }
}
