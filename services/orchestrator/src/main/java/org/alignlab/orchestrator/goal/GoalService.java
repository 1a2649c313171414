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

/** Creates goals and reads them back for the API, each caller only the goals they may see ({@link GoalAccess}). */
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
    GoalLimits limits;
    @Inject
    GoalAccess access;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Stores a new RUNNING goal of the caller in its first round, whose request goes into the outbox in the same
     * transaction: it is sent once this commits, continuing the caller's request's trace. 400 when the budget asks
     * for more than a ceiling or a factor is not one the family's search can vary; 409 when the caller already has as many goals running as one researcher may.
     */
    @Transactional
    public GoalResponse create(CreateGoalRequest request) {
        Budget budget = limits.budgetFor(request.budget());
        List<String> factors = GoalFactors.check(request.family(), request.factors());
        String owner = caller.subject();
        limits.requireRoomForAnother(goals.countRunningOfLocked(owner));
        Instant now = clock.instant();
        int roundTimeout = request.roundTimeoutSeconds() != null ? request.roundTimeoutSeconds()
                : (int) config.roundTimeout().toSeconds();
        Goal goal = Goal.start(owner, request.question(), request.family(), factors, budget, roundTimeout, now);
        goals.persist(goal);
        progress.append(goal, ProgressType.GOAL_CREATED, Map.of("budget", goal.budget()));
        progress.append(goal, ProgressType.ROUND_STARTED, Map.of("budgetLeft", goal.budget(),
                "roundDeadlineAt", goal.roundDeadlineAt()));
        rounds.request(goal.firstRound());
        return GoalResponse.of(goal, 0, GoalSpending.of(goal, null, now));
    }

    /** The goal, if the caller may see it; 404 otherwise, as for an unknown goal. */
    public GoalResponse get(UUID id) {
        Goal goal = access.visible(id);
        return GoalResponse.of(goal, actions.countByGoal(id), spending.of(goal, clock.instant()));
    }

    /** Newest first, at most {@value #PAGE}: a researcher's own goals, or everyone's for a reviewer or operator. */
    public List<GoalResponse> list(GoalStatus status) {
        List<Goal> page = caller.seesEveryGoal() ? goals.listNewest(status, PAGE)
                : goals.listNewestOf(caller.subject(), status, PAGE);
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
}
