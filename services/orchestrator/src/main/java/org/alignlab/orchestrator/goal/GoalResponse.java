package org.alignlab.orchestrator.goal;

import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;

/**
 * A goal as the API shows it.
 *
 * @param actions how many agent actions of this goal the orchestrator has heard of
 */
public record GoalResponse(
        UUID id,
        String question,
        String family,
        GoalStatus status,
        int round,
        Budget budget,
        Instant createdAt,
        Instant completedAt,
        long actions) {

    public static GoalResponse of(Goal goal, long actions) {
        return new GoalResponse(goal.id(), goal.question(), goal.family(), goal.status(), goal.round(),
                goal.budget(), goal.createdAt(), goal.completedAt(), actions);
    }
}
