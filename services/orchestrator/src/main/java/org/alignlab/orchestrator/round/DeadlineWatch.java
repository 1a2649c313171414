package org.alignlab.orchestrator.round;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.alignlab.orchestrator.goal.GoalMetrics;
import org.alignlab.orchestrator.goal.GoalRepository;

/**
 * The goals' clock: ends goals past their wall-clock budget, closes rounds past their timeout, and refreshes the
 * goals-by-status gauge on the same beat.
 */
@ApplicationScoped
public class DeadlineWatch {

    @Inject
    RoundService rounds;
    @Inject
    GoalRepository goals;
    @Inject
    GoalMetrics metrics;

    @Scheduled(identity = "goal-deadlines", every = "${alignlab.orchestrator.deadline-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        for (UUID goalId : rounds.dueGoals()) {
            rounds.check(goalId);
        }
        metrics.refresh(goals.countByStatus());
    }
}
