package org.alignlab.orchestrator.goal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A researcher's question, the budget it may spend and how far it has got. */
@Entity
@Table(name = "goals")
public class Goal {

    @Id
    private UUID id;
    /** The subject of the researcher who created the goal; null for goals created before goals had owners. */
    private String owner;
    private String question;
    private String family;
    /** The family's parameters the researcher named as what the goal asks about; null when they named none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> factors;
    @Enumerated(EnumType.STRING)
    private GoalStatus status;
    private int round;
    private int budgetExperiments;
    private int budgetComputeSeconds;
    private int budgetRounds;
    private int budgetWallSeconds;
    private Instant createdAt;
    private Instant completedAt;
    /** createdAt + the wall-clock budget, stored so the deadline check is one indexed query. */
    private Instant deadlineAt;
    private int roundTimeoutSeconds;
    private Instant roundStartedAt;
    /** The current round closes at this time at the latest, reviewed or not. */
    private Instant roundDeadlineAt;
    private String endReason;
    /** The budget's field name ({@link BudgetKind#field()}) that stopped the goal, if one did. */
    private String exhaustedBudget;
    /** The sequence number of the goal's latest progress event; bumped under the goal's lock. */
    private long lastEventSeq;

    protected Goal() {
        // for JPA
    }

    /** A new goal of {@code owner} in round 1, whose request is sent once the goal is stored. */
    public static Goal start(String owner, String question, String family, List<String> factors, Budget budget,
            int roundTimeoutSeconds, Instant now) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a goal needs an owner");
        }
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.owner = owner;
        goal.question = question;
        goal.family = family;
        goal.factors = factors == null || factors.isEmpty() ? null : List.copyOf(factors);
        goal.status = GoalStatus.RUNNING;
        goal.round = 1;
        goal.budgetExperiments = budget.experiments();
        goal.budgetComputeSeconds = budget.computeSeconds();
        goal.budgetRounds = budget.rounds();
        goal.budgetWallSeconds = budget.wallSeconds();
        goal.createdAt = now;
        goal.deadlineAt = now.plusSeconds(budget.wallSeconds());
        goal.roundTimeoutSeconds = roundTimeoutSeconds;
        goal.roundStartedAt = now;
        goal.roundDeadlineAt = now.plusSeconds(roundTimeoutSeconds);
        return goal;
    }

    /** The request for this goal's first round: the whole budget is still left and nothing is known yet. */
    public RoundRequested firstRound() {
        return new RoundRequested(id, 1, family, question, factors(), budget(), List.of());
    }

    /** Opens the next round; the caller requests it ({@link #currentRound}) in the same transaction. */
    public void startNextRound(Instant now) {
        if (!isRunning()) {
            throw new IllegalStateException("goal " + id + " is already " + status);
        }
        round++;
        roundStartedAt = now;
        roundDeadlineAt = now.plusSeconds(roundTimeoutSeconds);
    }

    /** The request for the current round, with what the goal may still spend and what it has found so far. */
    public RoundRequested currentRound(Budget left, List<String> findings) {
        return new RoundRequested(id, round, family, question, factors(), left, List.copyOf(findings));
    }

    /** The factors the researcher named; empty when they named none. */
    public List<String> factors() {
        return factors == null ? List.of() : List.copyOf(factors);
    }

    /** The next number of the goal's progress events, 1 for its first. */
    public long nextEventSeq() {
        return ++lastEventSeq;
    }

    /**
     * Ends the goal; a goal that has already ended keeps its first outcome.
     *
     * @param budget the budget that stopped it, or null
     */
    public void close(GoalStatus outcome, String reason, BudgetKind budget, Instant at) {
        if (status.isFinal()) {
            throw new IllegalStateException("goal " + id + " is already " + status);
        }
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + outcome);
        }
        status = outcome;
        completedAt = at;
        endReason = reason;
        exhaustedBudget = budget == null ? null : budget.field();
    }

    public boolean isRunning() {
        return status == GoalStatus.RUNNING;
    }

    public UUID id() {
        return id;
    }

    /** Null for a goal created before goals had owners: then it is no researcher's. */
    public String owner() {
        return owner;
    }

    public boolean isOwnedBy(String subject) {
        return owner != null && owner.equals(subject);
    }

    public String question() {
        return question;
    }

    public String family() {
        return family;
    }

    public GoalStatus status() {
        return status;
    }

    public int round() {
        return round;
    }

    public Budget budget() {
        return new Budget(budgetExperiments, budgetComputeSeconds, budgetRounds, budgetWallSeconds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public int roundTimeoutSeconds() {
        return roundTimeoutSeconds;
    }

    public Instant roundStartedAt() {
        return roundStartedAt;
    }

    public Instant roundDeadlineAt() {
        return roundDeadlineAt;
    }

    public String endReason() {
        return endReason;
    }

    public BudgetKind exhaustedBudget() {
        return exhaustedBudget == null ? null : BudgetKind.ofField(exhaustedBudget);
    }
}
