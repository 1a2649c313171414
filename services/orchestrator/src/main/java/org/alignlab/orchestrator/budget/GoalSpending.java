package org.alignlab.orchestrator.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.goal.Goal;

/** Reads what goals have spent from their recorded actions. */
@ApplicationScoped
public class GoalSpending {

    private static final double[] NOTHING = {0, 0};

    @Inject
    GoalActionRepository actions;

    public Spending of(Goal goal, Instant now) {
        return of(goal, actions.spendingByGoals(List.of(goal.id())).getOrDefault(goal.id(), NOTHING), now);
    }

    /** Several goals' spending in one query. */
    public Map<UUID, double[]> rawOf(List<UUID> goalIds) {
        return actions.spendingByGoals(goalIds);
    }

    public static Spending of(Goal goal, double[] raw, Instant now) {
        double[] figures = raw == null ? NOTHING : raw;
        Instant until = goal.completedAt() != null ? goal.completedAt() : now;
        long wall = Math.max(0, Duration.between(goal.createdAt(), until).toSeconds());
        return new Spending((int) figures[0], figures[1], goal.round(), wall);
    }
}
