package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.problem.ProblemException;

/** Creates goals and reads them back for the API. */
@ApplicationScoped
public class GoalService {

    /** The most goals one list call returns. */
    static final int PAGE = 100;

    private final GoalRepository goals;
    private final GoalActionRepository actions;
    private final OrchestratorConfig config;
    private final Clock clock;

    GoalService(GoalRepository goals, GoalActionRepository actions, OrchestratorConfig config, Clock clock) {
        this.goals = goals;
        this.actions = actions;
        this.config = config;
        this.clock = clock;
    }

    /** Stores a new RUNNING goal; the caller requests its first round once this transaction has committed. */
    @Transactional
    public Goal create(CreateGoalRequest request) {
        Goal goal = Goal.start(request.question(), request.family(), budgetOf(request.budget()), clock.instant());
        goals.persist(goal);
        return goal;
    }

    public GoalResponse get(UUID id) {
        Goal goal = goals.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return GoalResponse.of(goal, actions.countByGoal(id));
    }

    /** Newest first, at most {@value #PAGE}. */
    public List<GoalResponse> list(GoalStatus status) {
        List<Goal> page = goals.listNewest(status, PAGE);
        Map<UUID, Long> counts = actions.countByGoals(page.stream().map(Goal::id).toList());
        return page.stream().map(goal -> GoalResponse.of(goal, counts.getOrDefault(goal.id(), 0L))).toList();
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("goal " + id + " not found");
    }

    private Budget budgetOf(BudgetRequest asked) {
        OrchestratorConfig.DefaultBudget defaults = config.defaultBudget();
        if (asked == null) {
            return new Budget(defaults.experiments(), defaults.computeSeconds(), defaults.rounds(),
                    defaults.wallSeconds());
        }
        return new Budget(
                asked.experiments() != null ? asked.experiments() : defaults.experiments(),
                asked.computeSeconds() != null ? asked.computeSeconds() : defaults.computeSeconds(),
                asked.rounds() != null ? asked.rounds() : defaults.rounds(),
                asked.wallSeconds() != null ? asked.wallSeconds() : defaults.wallSeconds());
    }
}
