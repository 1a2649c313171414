package org.alignlab.orchestrator.goal;

import jakarta.persistence.Column;
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

/** A researcher's question, the budget it may spend and how far it has got. */
@Entity
@Table(name = "goals")
public class Goal {

    @Id
    private UUID id;
    private String question;
    private String family;
    @Enumerated(EnumType.STRING)
    private GoalStatus status;
    private int round;
    @Column(name = "budget_experiments")
    private int budgetExperiments;
    @Column(name = "budget_compute_seconds")
    private int budgetComputeSeconds;
    @Column(name = "budget_rounds")
    private int budgetRounds;
    @Column(name = "budget_wall_seconds")
    private int budgetWallSeconds;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    /** createdAt + the wall-clock budget, stored so the deadline check is one indexed query. */
    @Column(name = "deadline_at")
    private Instant deadlineAt;

    protected Goal() {
        // for JPA
    }

    /** A new goal in round 1. */
    public static Goal start(String question, String family, Budget budget, Instant now) {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.question = question;
        goal.family = family;
        goal.status = GoalStatus.RUNNING;
        goal.round = 1;
        goal.budgetExperiments = budget.experiments();
        goal.budgetComputeSeconds = budget.computeSeconds();
        goal.budgetRounds = budget.rounds();
        goal.budgetWallSeconds = budget.wallSeconds();
        goal.createdAt = now;
        goal.deadlineAt = now.plusSeconds(budget.wallSeconds());
        return goal;
    }

    /** The request for this goal's first round: the whole budget is still left and nothing is known yet. */
    public RoundRequested firstRound() {
        return new RoundRequested(id, 1, family, question, budget(), List.of());
    }

    /** Ends the goal; a goal that has already ended keeps its first outcome. */
    public void close(GoalStatus outcome, Instant at) {
        if (status.isFinal()) {
            throw new IllegalStateException("goal " + id + " is already " + status);
        }
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + outcome);
        }
        status = outcome;
        completedAt = at;
    }

    public boolean isRunning() {
        return status == GoalStatus.RUNNING;
    }

    public UUID id() {
        return id;
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
}
