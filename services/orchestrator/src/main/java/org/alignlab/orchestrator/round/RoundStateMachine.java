package org.alignlab.orchestrator.round;

import java.util.List;
import java.util.Optional;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.alignlab.orchestrator.budget.BudgetLedger;
import org.alignlab.orchestrator.goal.GoalStatus;

/**
 * What a running goal does next, given its current round and its budget. Pure, so the whole life of a goal reads
 * in one place:
 * <ol>
 *   <li>the wall clock or the compute budget running out ends the goal at once, mid-round
 *       ({@code TIMED_OUT}, {@code BUDGET_EXHAUSTED});</li>
 *   <li>otherwise the round stays open until every action in it is settled ({@link RoundCloser}) or the round's own
 *       timeout passes;</li>
 *   <li>a closed round starts the next one, unless the goal is answered, nothing was proposed, or the rounds or
 *       experiments budget forbids another round: then the goal ends {@code COMPLETED} when some experiment
 *       produced evidence and {@code FAILED} otherwise (decision 0007), with the reason.</li>
 * </ol>
 */
public final class RoundStateMachine {

    private final RoundCloser closer = new RoundCloser();

    /**
     * What is known of a goal's current round.
     *
     * @param actions          the round's actions (those of an unknown round count in the current one)
     * @param roundTimedOut    the round's deadline has passed
     * @param anyEvidence      some experiment of the goal, in any round, succeeded
     * @param acceptedBefore   an earlier round produced an ACCEPTED claim
     * @param acceptedNow      this round produced an ACCEPTED claim
     */
    public record RoundView(int round, List<RoundCloser.ActionState> actions, boolean roundTimedOut,
            boolean anyEvidence, boolean acceptedBefore, boolean acceptedNow) {
    }

    /** The next step: wait, start the next round, or end the goal. */
    public sealed interface Step {
    }

    public record Wait() implements Step {
    }

    /** Close the current round (settled or timed out) and request the next. */
    public record NextRound(String closedBecause) implements Step {
    }

    /** @param budget the budget that stopped the goal, or null when something else did */
    public record End(GoalStatus status, String reason, BudgetKind budget) implements Step {
    }

    public Step decide(RoundView view, BudgetLedger ledger) {
        Optional<BudgetKind> now = ledger.exhaustedNow();
        if (now.isPresent()) {
            GoalStatus status = now.get() == BudgetKind.WALL_SECONDS ? GoalStatus.TIMED_OUT
                    : GoalStatus.BUDGET_EXHAUSTED;
            return new End(status, ledger.reason(now.get()), now.get());
        }
        boolean settled = closer.isSettled(view.actions());
        if (!settled && !view.roundTimedOut()) {
            return new Wait();
        }
        String closed = settled ? "reviewed" : "timed out";
        GoalStatus outcome = view.anyEvidence() ? GoalStatus.COMPLETED : GoalStatus.FAILED;
        if (view.actions().isEmpty()) {
            return new End(outcome, "round " + view.round() + " timed out with nothing proposed", null);
        }
        if (view.acceptedBefore() && !view.acceptedNow()) {
            return new End(outcome, "answered: round " + view.round() + " (" + closed
                    + ") added no accepted finding to the earlier ones", null);
        }
        Optional<BudgetKind> limit = ledger.forbidsNextRound();
        if (limit.isPresent()) {
            return new End(outcome, "round " + view.round() + " " + closed + "; " + ledger.reason(limit.get()),
                    limit.get());
        }
        return new NextRound(closed);
    }
}
