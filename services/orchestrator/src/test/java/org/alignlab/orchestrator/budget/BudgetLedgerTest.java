package org.alignlab.orchestrator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.alignlab.contracts.events.Budget;
import org.junit.jupiter.api.Test;

class BudgetLedgerTest {

    private static final Budget LIMITS = new Budget(4, 900, 3, 1200);

    private static BudgetLedger spent(int experiments, double compute, int rounds, long wall) {
        return new BudgetLedger(LIMITS, new Spending(experiments, compute, rounds, wall));
    }

    @Test
    void nothingIsExhaustedBelowEveryLimit() {
        BudgetLedger ledger = spent(3, 899.9, 2, 1199);
        assertThat(ledger.exhaustedNow()).isEmpty();
        assertThat(ledger.forbidsNextRound()).isEmpty();
    }

    @Test
    void reachingALimitExhaustsIt() {
        assertThat(spent(0, 0, 1, 1200).exhaustedNow()).contains(BudgetKind.WALL_SECONDS);
        assertThat(spent(0, 900, 1, 0).exhaustedNow()).contains(BudgetKind.COMPUTE_SECONDS);
        assertThat(spent(0, 0, 3, 0).forbidsNextRound()).contains(BudgetKind.ROUNDS);
        assertThat(spent(4, 0, 1, 0).forbidsNextRound()).contains(BudgetKind.EXPERIMENTS);
    }

    @Test
    void roundsAndExperimentsOnlyForbidTheNextRoundWhileClockAndComputeStopAtOnce() {
        assertThat(spent(4, 0, 3, 0).exhaustedNow()).isEmpty();
        // The limits that stop a goal mid-round are named first.
        assertThat(spent(4, 900, 3, 0).forbidsNextRound()).contains(BudgetKind.COMPUTE_SECONDS);
    }

    @Test
    void aRoundIsOfferedWhatIsLeftCountingItselfAndNoFractionOfASecond() {
        assertThat(spent(1, 100.4, 1, 60).leftFor(2)).isEqualTo(new Budget(3, 799, 2, 1140));
        assertThat(spent(0, 0, 0, 0).leftFor(1)).isEqualTo(LIMITS);
        assertThat(spent(9, 1000, 3, 2000).leftFor(4)).isEqualTo(new Budget(0, 0, 0, 0));
    }

    @Test
    void theReasonNamesTheBudgetAndItsFigures() {
        assertThat(spent(0, 0, 3, 0).reason(BudgetKind.ROUNDS)).isEqualTo("budget.rounds: 3 of 3 spent");
        assertThat(spent(0, 912.25, 1, 0).reason(BudgetKind.COMPUTE_SECONDS))
                .isEqualTo("budget.computeSeconds: 912.3 of 900 spent");
    }
}
