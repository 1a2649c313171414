package org.alignlab.orchestrator.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.orchestrator.evidence.EvidenceRecorder;
import org.alignlab.orchestrator.evidence.GoalAction;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.goal.Goal;
import org.alignlab.orchestrator.goal.GoalEnded;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.alignlab.orchestrator.report.ReportService;
import org.jboss.logging.Logger;

/**
 * Applies downstream events to goals: records the evidence under the goal's lock, asks the {@link RoundCloser}
 * whether the round is settled, and if so ends the goal and writes its report, all in one transaction.
 */
@ApplicationScoped
public class RoundService {

    private static final Logger LOG = Logger.getLogger(RoundService.class);

    private final GoalRepository goals;
    private final GoalActionRepository actions;
    private final EvidenceRecorder evidence;
    private final ReportService reports;
    private final RoundCloser closer = new RoundCloser();
    private final Event<GoalEnded> ended;
    private final Clock clock;

    RoundService(GoalRepository goals, GoalActionRepository actions, EvidenceRecorder evidence,
                 ReportService reports, Event<GoalEnded> ended, Clock clock) {
        this.goals = goals;
        this.actions = actions;
        this.evidence = evidence;
        this.reports = reports;
        this.ended = ended;
        this.clock = clock;
    }

    @Transactional
    public void onVerdict(Verdict verdict, String traceId) {
        withGoal(verdict.goalId(), "verdict", () -> evidence.recordVerdict(verdict, traceId));
    }

    @Transactional
    public void onResult(ExperimentResult result) {
        withGoal(result.goalId(), "result", () -> evidence.recordResult(result));
    }

    @Transactional
    public void onReview(Review review) {
        withGoal(review.goalId(), "review", () -> evidence.recordReview(review));
    }

    public List<UUID> overdueGoals() {
        return goals.idsOverdue(clock.instant());
    }

    /** Ends a goal whose wall-clock budget has run out, with a report of what had arrived. */
    @Transactional
    public void timeOutIfOverdue(UUID goalId) {
        Instant now = clock.instant();
        goals.findForUpdate(goalId)
                .filter(goal -> goal.isRunning() && !goal.deadlineAt().isAfter(now))
                .ifPresent(goal -> end(goal, GoalStatus.TIMED_OUT, now));
    }

    /**
     * Evidence of a goal that has already ended is still recorded (the audit trail stays complete) but does
     * not reopen it or change its report.
     */
    private void withGoal(UUID goalId, String what, Runnable record) {
        Optional<Goal> found = goals.findForUpdate(goalId);
        if (found.isEmpty()) {
            // Goals are committed before their round is requested, so this is not ours (or was deleted).
            LOG.warnf("ignoring a %s for unknown goal %s", what, goalId);
            return;
        }
        Goal goal = found.get();
        record.run();
        if (!goal.isRunning()) {
            return;
        }
        List<GoalAction> goalActions = actions.listByGoal(goalId);
        Set<UUID> known = goalActions.stream().map(GoalAction::actionId).collect(Collectors.toSet());
        List<RoundCloser.ActionState> states = goalActions.stream()
                .map(action -> stateOf(action, known))
                .toList();
        closer.settle(states).ifPresent(status -> end(goal, status, clock.instant()));
    }

    private void end(Goal goal, GoalStatus status, Instant at) {
        goal.close(status, at);
        reports.store(goal);
        ended.fire(new GoalEnded(goal.id(), status));
        LOG.infof("goal %s ended %s", goal.id(), status);
    }

    /** A deferred action waits until its trusted replacement is heard of; from then on the replacement counts. */
    private static RoundCloser.ActionState stateOf(GoalAction action, Set<UUID> known) {
        boolean replacementPending = action.replacementActionId() != null
                && !known.contains(action.replacementActionId());
        return new RoundCloser.ActionState(action.decision(), action.resultStatus(), action.isReviewed(),
                replacementPending);
    }
}
