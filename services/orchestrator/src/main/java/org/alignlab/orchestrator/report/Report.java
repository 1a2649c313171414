package org.alignlab.orchestrator.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.orchestrator.goal.GoalResponse;
import org.alignlab.orchestrator.goal.GoalStatus;

/**
 * A goal's report: goal → action → audit records → result → review, each action with its trace id. Built
 * only from what the orchestrator received on Kafka; a part that never arrived is null.
 */
public record Report(
        GoalResponse goal,
        GoalStatus status,
        Instant generatedAt,
        List<ActionEntry> actions,
        List<String> findings) {

    /** @param traceId the action's trace: the one its verdict travelled in, else its result's */
    public record ActionEntry(
            UUID actionId,
            String traceId,
            VerdictEntry verdict,
            AuditEntry audit,
            ResultEntry result,
            ReviewEntry review) {
    }

    public record VerdictEntry(Decision decision, double suspicion, String policyVersion, long auditSeq,
                               String auditHash) {
    }

    /**
     * Where a reviewer finds the action's audit records in the monitor, and the verdict's place in the chain.
     *
     * @param records the monitor's audit-record query for this action
     */
    public record AuditEntry(String records, Long verdictSeq, String verdictHash) {
    }

    public record ResultEntry(ExperimentStatus status, Map<String, Double> metrics, long durationMs,
                              RunEnvironment environment, String traceId) {
    }

    public record ReviewEntry(UUID claimId, ReviewVerdict verdict, double score, String rationale,
                              List<String> flags) {
    }
}
