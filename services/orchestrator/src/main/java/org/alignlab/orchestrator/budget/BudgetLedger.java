package org.alignlab.orchestrator.budget;

import java.util.Locale;
import java.util.Optional;
import org.alignlab.contracts.events.Budget;

/**
 * Budget arithmetic: what is left, and which limit, if any, forbids more work. Every limit is hard: reaching it
 * (not only passing it) stops work. Pure, so the rules read in one place.
 */
public final class BudgetLedger {

    private final Budget limits;
    private final Spending spent;

    public BudgetLedger(Budget limits, Spending spent) {
        this.limits = limits;
        this.spent = spent;
    }

    /**
     * A limit that ends the goal at once, even mid-round: the wall clock, or the compute the runs consumed. The
     * orchestrator cannot recall runs already started, but it stops waiting for them and asks for nothing more.
     */
    public Optional<BudgetKind> exhaustedNow() {
        if (spent.wallSeconds() >= limits.wallSeconds()) {
            return Optional.of(BudgetKind.WALL_SECONDS);
        }
        if (spent.computeSeconds() >= limits.computeSeconds()) {
            return Optional.of(BudgetKind.COMPUTE_SECONDS);
        }
        return Optional.empty();
    }

    /** A limit that forbids another round; checked when a round closes. */
    public Optional<BudgetKind> forbidsNextRound() {
        Optional<BudgetKind> now = exhaustedNow();
        if (now.isPresent()) {
            return now;
        }
        if (spent.rounds() >= limits.rounds()) {
            return Optional.of(BudgetKind.ROUNDS);
        }
        if (spent.experiments() >= limits.experiments()) {
            return Optional.of(BudgetKind.EXPERIMENTS);
        }
        return Optional.empty();
    }

    /**
     * What round {@code round} may still spend, counting that round itself as one of the rounds; compute rounds
     * down, so a round is never offered a second the goal does not have.
     */
    public Budget leftFor(int round) {
        return new Budget(
                Math.max(0, limits.experiments() - spent.experiments()),
                (int) Math.max(0, Math.floor(limits.computeSeconds() - spent.computeSeconds())),
                Math.max(0, limits.rounds() - (round - 1)),
                (int) Math.max(0, limits.wallSeconds() - spent.wallSeconds()));
    }

    /** Why {@code kind} stops the goal, with the figures: "budget.rounds: 2 of 2 spent". */
    public String reason(BudgetKind kind) {
        String figures = switch (kind) {
            case EXPERIMENTS -> spent.experiments() + " of " + limits.experiments();
            case COMPUTE_SECONDS -> String.format(Locale.ROOT, "%.1f of %d", spent.computeSeconds(),
                    limits.computeSeconds());
            case ROUNDS -> spent.rounds() + " of " + limits.rounds();
            case WALL_SECONDS -> spent.wallSeconds() + " of " + limits.wallSeconds();
        };
        return "budget." + kind.field() + ": " + figures + " spent";
    }
}
