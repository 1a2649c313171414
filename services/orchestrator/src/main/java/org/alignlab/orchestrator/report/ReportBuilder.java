package org.alignlab.orchestrator.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Decision;
import org.alignlab.orchestrator.evidence.GoalAction;
import org.alignlab.orchestrator.evidence.GoalReview;
import org.alignlab.orchestrator.goal.GoalResponse;

/** Assembles a {@link Report} from stored evidence. Pure: no database, no clock. */
public final class ReportBuilder {

    private final String monitorUrl;

    /** @param monitorUrl the monitor's base URL, for links to its audit records */
    public ReportBuilder(String monitorUrl) {
        this.monitorUrl = monitorUrl.endsWith("/") ? monitorUrl.substring(0, monitorUrl.length() - 1) : monitorUrl;
    }

    public Report build(GoalResponse goal, List<GoalAction> actions, List<GoalReview> reviews, Instant now) {
        Map<UUID, GoalReview> byClaim = reviews.stream()
                .collect(Collectors.toMap(GoalReview::claimId, Function.identity()));
        List<Report.ActionEntry> entries = actions.stream()
                .map(action -> entry(action, byClaim.get(action.reviewClaimId())))
                .toList();
        return new Report(goal, goal.status(), now, entries, findings(actions, reviews));
    }

    private Report.ActionEntry entry(GoalAction action, GoalReview review) {
        Report.VerdictEntry verdict = action.decision() == null ? null : new Report.VerdictEntry(action.decision(),
                action.suspicion(), action.policyVersion(), action.auditSeq(), action.auditHash());
        Report.AuditEntry audit = new Report.AuditEntry(
                monitorUrl + "/api/audit/records?actionId=" + action.actionId(), action.auditSeq(),
                action.auditHash());
        Report.ResultEntry result = action.resultStatus() == null ? null : new Report.ResultEntry(
                action.resultStatus(), action.resultMetrics(), action.resultDurationMs(),
                action.resultEnvironment(), action.resultTraceId());
        Report.ReviewEntry reviewEntry = review == null ? null : new Report.ReviewEntry(review.claimId(),
                review.verdict(), review.score(), review.rationale(), review.flags());
        String traceId = action.verdictTraceId() != null ? action.verdictTraceId() : action.resultTraceId();
        return new Report.ActionEntry(action.actionId(), traceId, verdict, audit, result, reviewEntry);
    }

    /** One line per review, then one per action the monitor stopped: what a researcher reads first. */
    private static List<String> findings(List<GoalAction> actions, List<GoalReview> reviews) {
        List<String> reviewed = reviews.stream()
                .map(r -> String.format(Locale.ROOT, "%s (score %.2f) for claim %s: %s", r.verdict(), r.score(),
                        r.claimId(), r.rationale()))
                .toList();
        List<String> stopped = actions.stream()
                .filter(a -> a.decision() != null && a.decision() != Decision.ALLOW)
                .map(a -> "action " + a.actionId() + " was not run as proposed: the monitor decided " + a.decision())
                .toList();
        return Stream.concat(reviewed.stream(), stopped.stream()).toList();
    }
}
