package org.alignlab.orchestrator.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.orchestrator.evidence.GoalAction;
import org.alignlab.orchestrator.evidence.GoalReview;
import org.alignlab.orchestrator.goal.GoalResponse;

/** Assembles a {@link Report} from stored evidence. Pure: no database, no clock. */
public final class ReportBuilder {

    /** Accepted claims first, then the undecided, then the rejected. */
    private static final Map<ReviewVerdict, Integer> VERDICT_ORDER = Map.of(
            ReviewVerdict.ACCEPTED, 0, ReviewVerdict.INCONCLUSIVE, 1, ReviewVerdict.REJECTED, 2);

    /** Within a verdict: the larger effect first (a claim without statistics last), then the higher score. */
    static final Comparator<GoalReview> RANKING = Comparator
            .comparing((GoalReview r) -> VERDICT_ORDER.get(r.verdict()))
            .thenComparing(r -> r.effect() == null ? Double.NEGATIVE_INFINITY : Math.abs(r.effect()),
                    Comparator.reverseOrder())
            .thenComparing(GoalReview::score, Comparator.reverseOrder())
            .thenComparing(GoalReview::claimId);

    private static final String IDEATION = Agent.IDEATION.name();

    private final String monitorUrl;

    /** @param monitorUrl the monitor's base URL, for links to its audit records */
    public ReportBuilder(String monitorUrl) {
        this.monitorUrl = monitorUrl.endsWith("/") ? monitorUrl.substring(0, monitorUrl.length() - 1) : monitorUrl;
    }

    public Report build(GoalResponse goal, List<GoalAction> actions, List<GoalReview> reviews, Instant now) {
        Map<UUID, GoalReview> byClaim = reviews.stream()
                .collect(Collectors.toMap(GoalReview::claimId, Function.identity()));
        Map<UUID, GoalAction> byAction = actions.stream()
                .collect(Collectors.toMap(GoalAction::actionId, Function.identity()));
        List<Report.ActionEntry> entries = actions.stream()
                .map(action -> entry(action, byClaim.get(action.reviewClaimId())))
                .toList();
        List<GoalReview> ranked = reviews.stream().sorted(RANKING).toList();
        Map<String, Object> defaults = FamilyCatalogue.standard().find(goal.family())
                .map(FamilyDefinition::defaults).orElse(Map.of());
        List<Report.ClaimEntry> claims = new ArrayList<>();
        Map<UUID, List<String>> changed = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            GoalReview review = ranked.get(i);
            claims.add(claim(i + 1, review, byAction, defaults));
            baselineOf(byAction.get(review.claimId()), review, byAction).ifPresent(baseline -> changed.put(
                    review.claimId(), ClaimChange.changedNames(defaults, baseline.params(),
                            byAction.get(review.claimId()).params())));
        }
        List<Report.Answer> answer = Answers.of(goal.family(), goal.question(), goal.factors(), claims, changed);
        return new Report(goal, goal.status(), now, entries, claims, findings(actions, claims), answer);
    }

    private Report.ActionEntry entry(GoalAction action, GoalReview review) {
        Report.ProposalEntry proposal = action.round() == null ? null : new Report.ProposalEntry(action.round(),
                action.agent(), action.actionType(), action.policy(), action.hypothesis(), action.params(),
                action.split(), action.parentActionId());
        Report.VerdictEntry verdict = action.decision() == null ? null : new Report.VerdictEntry(action.decision(),
                action.suspicion(), action.policyVersion(), action.auditSeq(), action.auditHash());
        Report.ResultEntry result = action.resultStatus() == null ? null : new Report.ResultEntry(
                action.resultStatus(), action.resultMetrics(), action.resultDurationMs(),
                action.resultEnvironment(), action.resultTraceId(), action.resultCpuSeconds());
        Report.ReviewEntry reviewEntry = review == null ? null : new Report.ReviewEntry(review.claimId(),
                review.verdict(), review.score(), review.rationale(), review.flags());
        return new Report.ActionEntry(action.actionId(), traceOf(action), proposal, verdict, audit(action), result,
                reviewEntry);
    }

    private Report.AuditEntry audit(GoalAction action) {
        return new Report.AuditEntry(monitorUrl + "/api/audit/records?actionId=" + action.actionId(),
                action.auditSeq(), action.auditHash());
    }

    private Report.ClaimEntry claim(int rank, GoalReview review, Map<UUID, GoalAction> byAction,
            Map<String, Object> defaults) {
        List<Report.Provenance> provenance = review.actionIds().stream()
                .map(id -> provenance(id, byAction.get(id), review.quarantinedActions().contains(id)))
                .toList();
        Integer round = review.actionIds().stream().map(byAction::get).filter(Objects::nonNull)
                .map(GoalAction::round).filter(Objects::nonNull).findFirst().orElse(null);
        GoalAction candidate = byAction.get(review.claimId());
        if (candidate != null && candidate.round() != null) {
            round = candidate.round();
        }
        return new Report.ClaimEntry(rank, review.claimId(), round, change(candidate, review, byAction, defaults),
                review.verdict(), review.score(),
                review.effect(), review.interval(), review.pValue(), review.adjustedP(), review.rationale(),
                review.flags(), provenance, review.quarantinedActions(), review.anomalies());
    }

    /** The candidate against the other ideation run the review covers, its baseline; none for a lone run. */
    private static String change(GoalAction candidate, GoalReview review, Map<UUID, GoalAction> byAction,
            Map<String, Object> defaults) {
        return baselineOf(candidate, review, byAction)
                .map(baseline -> ClaimChange.between(defaults, baseline.params(), candidate.params()))
                .orElse(null);
    }

    private static Optional<GoalAction> baselineOf(GoalAction candidate, GoalReview review,
            Map<UUID, GoalAction> byAction) {
        if (candidate == null) {
            return Optional.empty();
        }
        return review.actionIds().stream()
                .filter(id -> !id.equals(review.claimId()))
                .map(byAction::get)
                .filter(a -> a != null && IDEATION.equals(a.agent()))
                .findFirst();
    }

    /** An action the review names but the orchestrator never heard of keeps its audit link: the monitor has it. */
    private Report.Provenance provenance(UUID actionId, GoalAction action, boolean quarantined) {
        String records = monitorUrl + "/api/audit/records?actionId=" + actionId;
        if (action == null) {
            return new Report.Provenance(actionId, null, null, null, records, null, null, null, quarantined);
        }
        return new Report.Provenance(actionId, action.agent(), action.split(), action.resultStatus(), records,
                action.auditSeq(), action.auditHash(), traceOf(action), quarantined);
    }

    private static String traceOf(GoalAction action) {
        return action.verdictTraceId() != null ? action.verdictTraceId() : action.resultTraceId();
    }

    /** One line per ranked claim, then one per action the monitor stopped: what a researcher reads first. */
    private static List<String> findings(List<GoalAction> actions, List<Report.ClaimEntry> claims) {
        List<String> reviewed = claims.stream()
                .map(c -> String.format(Locale.ROOT, "%s (score %.2f) for claim %s%s: %s",
                        c.withdrawn() ? c.verdict() + ", WITHDRAWN" : c.held() ? c.verdict() + ", HELD" : c.verdict(),
                        c.score(),
                        c.claimId(), c.change() == null ? "" : " (" + c.change() + ")", c.rationale()))
                .toList();
        List<String> stopped = actions.stream()
                .filter(a -> a.decision() != null && a.decision() != Decision.ALLOW)
                .map(a -> "action " + a.actionId() + " was not run as proposed: the monitor decided " + a.decision())
                .toList();
        return Stream.concat(reviewed.stream(), stopped.stream()).toList();
    }
}
