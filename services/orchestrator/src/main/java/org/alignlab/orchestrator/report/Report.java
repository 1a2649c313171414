package org.alignlab.orchestrator.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.orchestrator.goal.GoalResponse;
import org.alignlab.orchestrator.goal.GoalStatus;

/**
 * A goal's report: goal → action → audit records → result → review, each action with its trace id, and the claims
 * ranked with the provenance of each. Built only from what the orchestrator received on Kafka; a part that never
 * arrived is null.
 *
 * @param claims   the reviewed claims, best first: ACCEPTED, then INCONCLUSIVE, then REJECTED, each by effect
 *                 size and then score
 * @param findings one line per ranked claim, then one per action the monitor stopped
 * @param answer   the answer to the question, one entry per factor the goal asks about ({@link Answers})
 */
public record Report(
        GoalResponse goal,
        GoalStatus status,
        Instant generatedAt,
        List<ActionEntry> actions,
        List<ClaimEntry> claims,
        List<String> findings,
        List<Answer> answer) {

    public Report {
        // A report stored before claims were ranked, or before it answered, has none.
        claims = claims == null ? List.of() : claims;
        answer = answer == null ? List.of() : answer;
    }

    /** A report that answers nothing: its goal named no factor. */
    public Report(GoalResponse goal, GoalStatus status, Instant generatedAt, List<ActionEntry> actions,
            List<ClaimEntry> claims, List<String> findings) {
        this(goal, status, generatedAt, actions, claims, findings, List.of());
    }

    /**
     * What the goal found about one factor.
     *
     * @param named      whether the researcher named the factor (otherwise it was inferred from the question)
     * @param conclusion SUPPORTED, NOT SUPPORTED or INCONCLUSIVE
     * @param claimRank  the claim the effect is from (the report's ranking), null when no claim is about the factor
     * @param effect     that claim's held-out effect, in the metric's units
     * @param interval   its interval
     * @param evidence   in words: what the conclusion rests on
     */
    public record Answer(String factor, boolean named, String conclusion, Integer claimRank, Double effect,
            List<Double> interval, String evidence) {

        public static final String SUPPORTED = "SUPPORTED";
        public static final String NOT_SUPPORTED = "NOT SUPPORTED";
        public static final String INCONCLUSIVE = "INCONCLUSIVE";
    }

    /** @param traceId the action's trace: the one its verdict travelled in, else its result's */
    public record ActionEntry(
            UUID actionId,
            String traceId,
            ProposalEntry proposal,
            VerdictEntry verdict,
            AuditEntry audit,
            ResultEntry result,
            ReviewEntry review) {
    }

    /** What the proposing agent asked for, from {@code agent.actions}. */
    public record ProposalEntry(Integer round, String agent, String type, String policy, String hypothesis,
            Map<String, Object> params, String split, UUID parentActionId) {
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
            RunEnvironment environment, String traceId, Double cpuSeconds) {
    }

    public record ReviewEntry(UUID claimId, ReviewVerdict verdict, double score, String rationale,
            List<String> flags) {
    }

    /**
     * One reviewed claim with the statistics behind its verdict and the evidence chain of every action it covers.
     *
     * @param change             the parameters the candidate changes from its baseline
     *                           ({@code "proxySamples 64 → 512"}); null for a run reviewed on its own
     * @param quarantinedActions the actions behind the claim whose result did not reproduce when the platform re-ran
     *                           them: the claim is withdrawn (REJECTED); empty for every other claim
     * @param anomalies          the results behind the claim far outside earlier runs of their configuration, each
     *                           with the comparison (metric, value, history median, spread, runs, robust z): the claim
     *                           is held for a human (never ACCEPTED); empty for every other claim
     */
    public record ClaimEntry(int rank, UUID claimId, Integer round, String change, ReviewVerdict verdict, double score,
            Double effect, List<Double> interval, Double pValue, Double adjustedP, String rationale,
            List<String> flags, List<Provenance> provenance, List<UUID> quarantinedActions,
            List<ResultAnomaly> anomalies) {

        public ClaimEntry {
            // A report stored before results could be quarantined, or held as anomalous, has none.
            quarantinedActions = quarantinedActions == null ? List.of() : quarantinedActions;
            anomalies = anomalies == null ? List.of() : anomalies;
        }

        /** A claim none of whose results is anomalous. */
        public ClaimEntry(int rank, UUID claimId, Integer round, String change, ReviewVerdict verdict, double score,
                Double effect, List<Double> interval, Double pValue, Double adjustedP, String rationale,
                List<String> flags, List<Provenance> provenance, List<UUID> quarantinedActions) {
            this(rank, claimId, round, change, verdict, score, effect, interval, pValue, adjustedP, rationale, flags,
                    provenance, quarantinedActions, null);
        }

        public boolean withdrawn() {
            return !quarantinedActions.isEmpty();
        }

        public boolean held() {
            return !anomalies.isEmpty();
        }
    }

    /**
     * result → action → audit records → trace, for one action behind a claim.
     *
     * @param quarantined its result did not reproduce when the platform re-ran the action: it is no evidence
     */
    public record Provenance(UUID actionId, String agent, String split, ExperimentStatus resultStatus,
            String auditRecords, Long auditSeq, String auditHash, String traceId, boolean quarantined) {
    }
}
