package org.alignlab.orchestrator.goal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.alignlab.orchestrator.budget.Spending;

/**
 * A goal as the API shows it.
 *
 * @param owner           the subject of the researcher who created it; null for a goal older than owners
 * @param factors         the family's parameters the researcher named as what the goal asks about; empty if none
 * @param actions         how many agent actions of this goal the orchestrator has heard of
 * @param spent           what the goal has spent of {@code budget}
 * @param endReason       why the goal ended (null while it runs)
 * @param exhaustedBudget the budget field that stopped it ({@code rounds}, …), or null
 */
public record GoalResponse(
        UUID id,
        String owner,
        String question,
        String family,
        List<String> factors,
        GoalStatus status,
        int round,
        Budget budget,
        Instant createdAt,
        Instant completedAt,
        long actions,
        Spending spent,
        Instant roundDeadlineAt,
        String endReason,
        BudgetKind exhaustedBudget) {

    public static GoalResponse of(Goal goal, long actions, Spending spent) {
        return new GoalResponse(goal.id(), goal.owner(), goal.question(), goal.family(), goal.factors(),
                goal.status(), goal.round(),
                goal.budget(), goal.createdAt(), goal.completedAt(), actions, spent,
                goal.isRunning() ? goal.roundDeadlineAt() : null, goal.endReason(), goal.exhaustedBudget());
    }
}
