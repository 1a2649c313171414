package org.alignlab.orchestrator.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.orchestrator.round.RoundCloser.ActionState;
import org.junit.jupiter.api.Test;

class RoundCloserTest {

    private final RoundCloser closer = new RoundCloser();

    private static ActionState reviewed(ExperimentStatus status) {
        return new ActionState(Decision.ALLOW, status, true);
    }

    @Test
    void aRoundWithoutActionsIsNotSettled() {
        assertThat(closer.isSettled(List.of())).isFalse();
    }

    @Test
    void aReviewedSuccessfulActionSettlesTheRound() {
        assertThat(closer.isSettled(List.of(reviewed(ExperimentStatus.SUCCEEDED)))).isTrue();
    }

    @Test
    void anAllowedActionAwaitsItsReview() {
        assertThat(closer.isSettled(List.of(new ActionState(Decision.ALLOW, null, false)))).isFalse();
        assertThat(closer.isSettled(List.of(new ActionState(Decision.ALLOW, ExperimentStatus.SUCCEEDED, false))))
                .isFalse();
    }

    @Test
    void aReviewDoesNotSettleAnActionWhoseVerdictOrResultHasNotArrived() {
        assertThat(closer.isSettled(List.of(new ActionState(null, ExperimentStatus.SUCCEEDED, true)))).isFalse();
        assertThat(closer.isSettled(List.of(new ActionState(Decision.ALLOW, null, true)))).isFalse();
    }

    /**
     * Reproduction of a flaky CI run: the verdict, result and review of the round's only action arrived before the
     * proposal, the round closed with no experiment counted, and the proposal then landed in a closed round.
     */
    @Test
    void nothingSettlesAnActionWhoseProposalHasNotArrived() {
        for (Decision decision : List.of(Decision.ALLOW, Decision.BLOCK, Decision.DEFER_TO_TRUSTED)) {
            assertThat(closer.isSettled(List.of(new ActionState(false, decision, ExperimentStatus.SUCCEEDED, true,
                    false)))).as(decision.name()).isFalse();
        }
    }

    @Test
    void everyActionMustBeSettled() {
        assertThat(closer.isSettled(List.of(reviewed(ExperimentStatus.SUCCEEDED),
                new ActionState(Decision.ALLOW, ExperimentStatus.SUCCEEDED, false)))).isFalse();
    }

    @Test
    void actionsTheMonitorDidNotAllowAreSettledWithoutReview() {
        for (Decision decision : List.of(Decision.BLOCK, Decision.DEFER_TO_TRUSTED)) {
            assertThat(closer.isSettled(List.of(new ActionState(decision, null, false))))
                    .as(decision.name())
                    .isTrue();
        }
    }

    @Test
    void aHeldActionWaitsForItsReviewer() {
        assertThat(closer.isSettled(List.of(new ActionState(Decision.HOLD, null, false)))).isFalse();
    }

    @Test
    void aDeferredActionWaitsUntilItsTrustedReplacementIsKnown() {
        assertThat(closer.isSettled(List.of(new ActionState(true, Decision.DEFER_TO_TRUSTED, null, false, true))))
                .isFalse();
        assertThat(closer.isSettled(List.of(new ActionState(true, Decision.DEFER_TO_TRUSTED, null, false, false),
                reviewed(ExperimentStatus.SUCCEEDED)))).isTrue();
    }

    @Test
    void aBlockedActionAndAReviewedOneSettleTheRound() {
        assertThat(closer.isSettled(List.of(new ActionState(Decision.BLOCK, null, false),
                reviewed(ExperimentStatus.SUCCEEDED)))).isTrue();
    }

    @Test
    void reviewedRefusedOrFailedRunsSettleTheRound() {
        // A refused run (no sandbox, bad ticket) is reviewed as REJECTED; whether the goal has evidence is the
        // state machine's question.
        assertThat(closer.isSettled(List.of(reviewed(ExperimentStatus.REFUSED), reviewed(ExperimentStatus.FAILED))))
                .isTrue();
    }
}
