package org.alignlab.monitor.audit;

import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;

/**
 * An audit record as the reviewer API shows it: every stored field, hashes, the monitor's signature and the
 * reporting service's included, so it can be re-checked.
 */
public record AuditRecordResponse(
        long seq,
        String type,
        Instant recordedAt,
        UUID goalId,
        UUID actionId,
        String agent,
        String actor,
        String traceId,
        String payloadHash,
        String decision,
        Double suspicion,
        Double modelScore,
        String policyVersion,
        String detail,
        String originKeyId,
        String originSignature,
        String monitorKeyId,
        String monitorSignature,
        String prevHash,
        String hash) {

    public static AuditRecordResponse of(AuditRecord record) {
        ChainLink link = record.link();
        ChainEntry e = link.entry();
        return new AuditRecordResponse(e.seq(), e.type(), e.recordedAt(), e.goalId(), e.actionId(), e.agent(),
                e.actor(), e.traceId(), e.payloadHash(), e.decision(), e.suspicion(), e.modelScore(),
                e.policyVersion(), e.detail(), e.originKeyId(), e.originSignature(), e.monitorKeyId(),
                e.monitorSignature(), e.prevHash(), link.hash());
    }
}
