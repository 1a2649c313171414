package org.alignlab.orchestrator.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.alignlab.orchestrator.budget.BudgetLedger;
import org.alignlab.orchestrator.budget.GoalSpending;
import org.alignlab.orchestrator.budget.Spending;
import org.alignlab.orchestrator.evidence.EvidenceRecorder;
import org.alignlab.orchestrator.evidence.GoalAction;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.orchestrator.evidence.GoalReview;
import org.alignlab.orchestrator.evidence.GoalReviewRepository;
import org.alignlab.orchestrator.goal.Goal;
import org.alignlab.orchestrator.goal.GoalAlreadyEndedException;
import org.alignlab.orchestrator.goal.GoalEnded;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.orchestrator.goal.GoalService;
import org.alignlab.orchestrator.goal.GoalStatus;
import org.alignlab.orchestrator.progress.ProgressLog;
import org.alignlab.orchestrator.progress.ProgressType;
import org.alignlab.orchestrator.report.ReportService;
import org.jboss.logging.Logger;

/**
 * Drives goals through their rounds. Every change runs under the goal's lock, in one transaction: record the
 * evidence, log its progress event, ask the {@link RoundStateMachine} what comes next, and then wait, open the next
 * round (its request written to the outbox, sent once this commits: see {@link RoundRequests}) or end the goal with
 * its report.
 */
@ApplicationScoped
public class RoundService {

    private static final Logger LOG = Logger.getLogger(RoundService.class);

    @Inject
    GoalRepository goals;
    @Inject
    GoalActionRepository actions;
    @Inject
    GoalReviewRepository reviews;
    @Inject
    EvidenceRecorder evidence;
    @Inject
    ReportService reports;
    @Inject
    ProgressLog progress;
    @Inject
    GoalSpending spending;
    private final RoundStateMachine machine = new RoundStateMachine();
    @Inject
    Event<GoalEnded> ended;
    @Inject
    RoundRequests requests;
    @Inject
    Clock clock;

    @Transactional
    public void onAction(AgentAction action) {
        withGoal(action.goalId(), "action", () -> evidence.recordProposal(action),
                goal -> progress.append(goal, ProgressType.ACTION_PROPOSED, fields("actionId", action.id(),
                        "agent", action.agent(), "actionType", action.type(), "policy", action.policy(),
                        "proposedForRound", action.round())));
    }

    @Transactional
    public void onVerdict(Verdict verdict, String traceId) {
        withGoal(verdict.goalId(), "verdict", () -> evidence.recordVerdict(verdict, traceId),
                goal -> progress.append(goal, ProgressType.VERDICT, fields("actionId", verdict.actionId(),
                        "decision", verdict.decision(), "auditSeq", verdict.auditSeq())));
    }

    @Transactional
    public void onResult(ExperimentResult result) {
        withGoal(result.goalId(), "result", () -> evidence.recordResult(result),
                goal -> progress.append(goal, ProgressType.RESULT, fields("actionId", result.actionId(),
                        "resultStatus", result.status(), "metrics", result.metrics())));
    }

    @Transactional
    public void onReview(Review review) {
        withGoal(review.goalId(), "review", () -> evidence.recordReview(review),
                goal -> progress.append(goal, ProgressType.REVIEW, fields("claimId", review.claimId(),
                        "verdict", review.verdict(), "score", review.score(), "actionIds", review.actionIds(),
                        "quarantinedActions", review.quarantinedActions())),
                goal -> {
                    // The one exception to an ended goal's report standing as written: a claim in it was withdrawn
                    // (a result it rested on did not reproduce), and a report that still showed it would be false.
                    if (review.withdrawn()) {
                        reports.revise(goal);
                    }
                });
    }

    /** Goals past their wall-clock deadline or their round's deadline. */
    public List<UUID> dueGoals() {
        return goals.idsDue(clock.instant());
    }

    /** Moves a goal on if its clock says so: the goal's or the round's deadline has passed. */
    @Transactional
    public void check(UUID goalId) {
        goals.findForUpdate(goalId).filter(Goal::isRunning).ifPresent(this::advance);
    }

    /**
     * Ends a running goal at its researcher's request; what it asked for already may still run, but no new round is
     * requested and later evidence no longer changes the goal.
     *
     * @param authorize throws when the caller may not cancel the goal; it sees the goal as locked, before whether it
     *                  has ended is told
     */
    @Transactional
    public Goal cancel(UUID goalId, Consumer<Goal> authorize) {
        Goal goal = goals.findForUpdate(goalId).orElseThrow(() -> GoalService.notFound(goalId));
        authorize.accept(goal);
        if (!goal.isRunning()) {
            throw new GoalAlreadyEndedException(goal);
        }
        end(goal, GoalStatus.CANCELLED, "cancelled by " + goal.owner(), null, clock.instant());
        return goal;
    }

    /**
     * Evidence of a goal that has already ended is still recorded (the audit trail stays complete) but does not
     * reopen it or add to its progress events, and changes its report only to withdraw a claim.
     */
    private void withGoal(UUID goalId, String what, BooleanSupplier record,
            Consumer<Goal> onRecorded) {
        withGoal(goalId, what, record, onRecorded, goal -> {});
    }

    /** @param onRecordedAfterEnd what evidence recorded for a goal that has ended still changes */
    private void withGoal(UUID goalId, String what, BooleanSupplier record,
            Consumer<Goal> onRecorded, Consumer<Goal> onRecordedAfterEnd) {
        Optional<Goal> found = goals.findForUpdate(goalId);
        if (found.isEmpty()) {
            // Goals are committed before their round is requested, so this is not ours (or was deleted).
            LOG.warnf("ignoring a %s for unknown goal %s", what, goalId);
            return;
        }
        Goal goal = found.get();
        boolean recorded = record.getAsBoolean();
        if (!goal.isRunning()) {
            if (recorded) {
                onRecordedAfterEnd.accept(goal);
            }
            return;
        }
        if (recorded) {
            onRecorded.accept(goal);
        }
        advance(goal);
    }

    private void advance(Goal goal) {
        Instant now = clock.instant();
        List<GoalAction> goalActions = actions.listByGoal(goal.id());
        Map<UUID, GoalAction> byId = goalActions.stream()
                .collect(Collectors.toMap(GoalAction::actionId, a -> a, (a, b) -> a, LinkedHashMap::new));
        Set<UUID> known = byId.keySet();
        List<RoundCloser.ActionState> current = goalActions.stream()
                .filter(action -> action.round() == null || action.round() == goal.round())
                .map(action -> stateOf(action, known))
                .toList();
        Set<Integer> acceptedIn = reviews.listByGoal(goal.id()).stream()
                .filter(review -> review.verdict() == ReviewVerdict.ACCEPTED)
                .map(review -> roundOf(review, byId, goal.round()))
                .collect(Collectors.toSet());
        RoundStateMachine.RoundView view = new RoundStateMachine.RoundView(goal.round(), current,
                !goal.roundDeadlineAt().isAfter(now),
                goalActions.stream().anyMatch(a -> a.resultStatus() == ExperimentStatus.SUCCEEDED),
                acceptedIn.stream().anyMatch(round -> round < goal.round()), acceptedIn.contains(goal.round()));
        Spending spent = spending.of(goal, now);
        BudgetLedger ledger = new BudgetLedger(goal.budget(), spent);
        RoundStateMachine.Step step = machine.decide(view, ledger);
        if (step instanceof RoundStateMachine.NextRound next) {
            progress.append(goal, ProgressType.ROUND_CLOSED, fields("closedBecause", next.closedBecause(),
                    "spent", spent));
            goal.startNextRound(now);
            // Findings stay out of the request: review's rationales speak of held-out data, which the generator
            // must never see (it reads only its own validation results).
            RoundRequested request = goal.currentRound(ledger.leftFor(goal.round()), List.of());
            progress.append(goal, ProgressType.ROUND_STARTED, fields("budgetLeft", request.budgetLeft(),
                    "roundDeadlineAt", goal.roundDeadlineAt()));
            requests.request(request);
        } else if (step instanceof RoundStateMachine.End end) {
            if (end.status() == GoalStatus.COMPLETED || end.status() == GoalStatus.FAILED) {
                progress.append(goal, ProgressType.ROUND_CLOSED, fields("closedBecause", end.reason(),
                        "spent", spent));
            }
            end(goal, end.status(), end.reason(), end.budget(), now);
        }
    }

    private void end(Goal goal, GoalStatus status, String reason, BudgetKind budget, Instant at) {
        goal.close(status, reason, budget, at);
        reports.store(goal);
        progress.append(goal, ProgressType.GOAL_ENDED, fields("reason", reason, "exhaustedBudget", budget,
                "spent", spending.of(goal, at)));
        ended.fire(new GoalEnded(goal.id(), status));
        LOG.infof("goal %s ended %s: %s", goal.id(), status, reason);
    }

    /** The round of a review's claim (the candidate's), else of the first covered action whose round is known. */
    private static int roundOf(GoalReview review, Map<UUID, GoalAction> byId, int current) {
        return Optional.ofNullable(byId.get(review.claimId())).map(GoalAction::round)
                .or(() -> review.actionIds().stream().map(byId::get).filter(Objects::nonNull)
                        .map(GoalAction::round).filter(Objects::nonNull).findFirst())
                .orElse(current);
    }

    /** A deferred action waits until its trusted replacement is heard of; from then on the replacement counts. */
    private static RoundCloser.ActionState stateOf(GoalAction action, Set<UUID> known) {
        boolean replacementPending = action.replacementActionId() != null
                && !known.contains(action.replacementActionId());
        return new RoundCloser.ActionState(action.isProposalHeard(), action.decision(), action.resultStatus(),
                action.isReviewed(), replacementPending);
    }

    /** An event's fields in the order given; a null value is kept as null. */
    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
