package org.alignlab.monitor.holds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.monitor.audit.AuditRecordResponse;

/**
 * Everything a reviewer needs to judge one action: the action as proposed (spec, params, script), the gate's
 * verdict and what it was decided from, the trace to open, the hold if there was one, and every audit record
 * about the action in chain order.
 *
 * @param contentHash SHA-256 of the canonical JSON of {@code action}: what an approval of it quotes
 * @param hold        null when the action was never held
 */
public record ActionDetailResponse(
        AgentAction action,
        String contentHash,
        GateVerdict verdict,
        String traceId,
        Hold hold,
        List<AuditRecordResponse> timeline) {

    /**
     * The gate's verdict.
     *
     * @param thresholds the hold and defer thresholds in force when it was decided
     * @param model      the trusted model's version, or why it gave no score
     */
    public record GateVerdict(Decision decision, double suspicion, Double modelScore, List<RuleHit> ruleHits,
            String policyVersion, String decidedBy, long auditSeq, String auditHash, Instant decidedAt,
            JsonNode thresholds, JsonNode model) {

        static GateVerdict of(Verdict verdict, JsonNode recordDetail) {
            return new GateVerdict(verdict.decision(), verdict.suspicion(), verdict.modelScore(), verdict.ruleHits(),
                    verdict.policyVersion(), verdict.decidedBy(), verdict.auditSeq(), verdict.auditHash(),
                    verdict.decidedAt(), recordDetail.get("thresholds"), recordDetail.get("model"));
        }
    }

    /** How the hold stands or ended; {@code outcome}, {@code decidedBy}, {@code reason} once it ended. */
    public record Hold(HeldAction.Status status, Instant heldAt, Decision outcome, String decidedBy, String reason,
            Instant decidedAt, Long decisionSeq) {

        static Hold of(HeldAction hold) {
            return new Hold(hold.status(), hold.heldAt(), hold.outcome(), hold.decidedBy(), hold.reason(),
                    hold.decidedAt(), hold.decisionSeq());
        }
    }
}
