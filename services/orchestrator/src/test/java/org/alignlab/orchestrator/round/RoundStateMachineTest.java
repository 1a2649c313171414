package org.alignlab.orchestrator.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.alignlab.orchestrator.budget.BudgetLedger;
import org.alignlab.orchestrator.budget.Spending;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.alignlab.orchestrator.round.RoundCloser.ActionState;
import org.alignlab.orchestrator.round.RoundStateMachine.End;
import org.alignlab.orchestrator.round.RoundStateMachine.NextRound;
import org.alignlab.orchestrator.round.RoundStateMachine.RoundView;
import org.alignlab.orchestrator.round.RoundStateMachine.Wait;
import org.junit.jupiter.api.Test;

class RoundStateMachineTest {

    private static final Budget LIMITS = new Budget(10, 900, 3, 1200);
    private static final ActionState REVIEWED = new ActionState(Decision.ALLOW, ExperimentStatus.SUCCEEDED, true);
    private static final ActionState RUNNING = new ActionState(Decision.ALLOW, null, false);

    private final RoundStateMachine machine = new RoundStateMachine();

    private static BudgetLedger ledger(int experiments, double compute, int rounds, long wall) {
        return new BudgetLedger(LIMITS, new Spending(experiments, compute, rounds, wall));
    }

    private static RoundView round(int round, List<ActionState> actions, boolean timedOut) {
        return new RoundView(round, actions, timedOut, true, false, true);
    }

    @Test
    void anOpenRoundWaits() {
        assertThat(machine.decide(round(1, List.of(RUNNING), false), ledger(1, 10, 1, 10))).isInstanceOf(Wait.class);
        assertThat(machine.decide(round(1, List.of(), false), ledger(0, 0, 1, 10))).isInstanceOf(Wait.class);
    }

    @Test
    void aReviewedRoundStartsTheNext() {
        assertThat(machine.decide(round(1, List.of(REVIEWED), false), ledger(1, 10, 1, 10)))
                .isEqualTo(new NextRound("reviewed"));
    }

    @Test
    void aRoundPastItsTimeoutClosesUnreviewed() {
        assertThat(machine.decide(round(1, List.of(RUNNING), true), ledger(1, 10, 1, 10)))
                .isEqualTo(new NextRound("timed out"));
    }

    @Test
    void theRoundsBudgetEndsTheGoalWhenItsLastRoundCloses() {
        var step = machine.decide(round(3, List.of(REVIEWED), false), ledger(3, 10, 3, 10));
        assertThat(step).isInstanceOf(End.class);
        End end = (End) step;
        assertThat(end.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(end.budget()).isEqualTo(BudgetKind.ROUNDS);
        assertThat(end.reason()).contains("budget.rounds: 3 of 3");
    }

    @Test
    void theExperimentsBudgetEndsTheGoalFailedWhenNothingSucceeded() {
        RoundView noEvidence = new RoundView(1, List.of(new ActionState(Decision.BLOCK, null, false)), false, false,
                false, false);
        End end = (End) machine.decide(noEvidence, ledger(10, 0, 1, 10));
        assertThat(end.status()).isEqualTo(GoalStatus.FAILED);
        assertThat(end.budget()).isEqualTo(BudgetKind.EXPERIMENTS);
    }

    @Test
    void computeAndWallClockStopTheGoalMidRound() {
        End compute = (End) machine.decide(round(1, List.of(RUNNING), false), ledger(1, 900, 1, 10));
        assertThat(compute.status()).isEqualTo(GoalStatus.BUDGET_EXHAUSTED);
        assertThat(compute.budget()).isEqualTo(BudgetKind.COMPUTE_SECONDS);
        End wall = (End) machine.decide(round(1, List.of(RUNNING), false), ledger(1, 10, 1, 1200));
        assertThat(wall.status()).isEqualTo(GoalStatus.TIMED_OUT);
        assertThat(wall.budget()).isEqualTo(BudgetKind.WALL_SECONDS);
    }

    @Test
    void aRoundThatAddsNoAcceptedFindingToEarlierOnesAnswersTheGoal() {
        RoundView stale = new RoundView(2, List.of(REVIEWED), false, true, true, false);
        End end = (End) machine.decide(stale, ledger(2, 10, 2, 10));
        assertThat(end.status()).isEqualTo(GoalStatus.COMPLETED);
        assertThat(end.budget()).isNull();
        assertThat(end.reason()).startsWith("answered");
        RoundView improving = new RoundView(2, List.of(REVIEWED), false, true, true, true);
        assertThat(machine.decide(improving, ledger(2, 10, 2, 10))).isInstanceOf(NextRound.class);
    }

    @Test
    void aRoundThatTimesOutWithNothingProposedEndsTheGoal() {
        End end = (End) machine.decide(round(2, List.of(), true), ledger(1, 10, 2, 10));
        assertThat(end.reason()).contains("nothing proposed");
    }
}
