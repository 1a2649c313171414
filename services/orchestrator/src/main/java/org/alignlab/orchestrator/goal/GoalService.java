package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.orchestrator.budget.GoalSpending;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.progress.ProgressLog;
import org.alignlab.orchestrator.progress.ProgressType;
import org.alignlab.orchestrator.round.RoundRequests;
import org.alignlab.platform.http.ProblemException;

/** Creates goals and reads them back for the API. */
@ApplicationScoped
public class GoalService {

    /** The most goals one list call returns. */
    static final int PAGE = 100;

    @Inject
    GoalRepository goals;
    @Inject
    GoalActionRepository actions;
    @Inject
    GoalSpending spending;
    @Inject
    ProgressLog progress;
    @Inject
    RoundRequests rounds;
    @Inject
    OrchestratorConfig config;
    @Inject
    Clock clock;

    /**
     * Stores a new RUNNING goal in its first round, whose request goes into the outbox in the same transaction: it is
     * sent once this commits, continuing the caller's request's trace.
     */
    @Transactional
    public GoalResponse create(CreateGoalRequest request) {
        Instant now = clock.instant();
        int roundTimeout = request.roundTimeoutSeconds() != null ? request.roundTimeoutSeconds()
                : (int) config.roundTimeout().toSeconds();
        Goal goal = Goal.start(request.question(), request.family(), budgetOf(request.budget()), roundTimeout, now);
        goals.persist(goal);
        progress.append(goal, ProgressType.GOAL_CREATED, Map.of("budget", goal.budget()));
        progress.append(goal, ProgressType.ROUND_STARTED, Map.of("budgetLeft", goal.budget(),
                "roundDeadlineAt", goal.roundDeadlineAt()));
        rounds.request(goal.firstRound());
        return GoalResponse.of(goal, 0, GoalSpending.of(goal, null, now));
    }

    public GoalResponse get(UUID id) {
        Goal goal = goals.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return GoalResponse.of(goal, actions.countByGoal(id), spending.of(goal, clock.instant()));
    }

    /** Newest first, at most {@value #PAGE}. */
    public List<GoalResponse> list(GoalStatus status) {
        List<Goal> page = goals.listNewest(status, PAGE);
        List<UUID> ids = page.stream().map(Goal::id).toList();
        Map<UUID, Long> counts = actions.countByGoals(ids);
        Map<UUID, double[]> spent = spending.rawOf(ids);
        Instant now = clock.instant();
        return page.stream().map(goal -> GoalResponse.of(goal, counts.getOrDefault(goal.id(), 0L),
                GoalSpending.of(goal, spent.get(goal.id()), now))).toList();
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
