package org.alignlab.monitor.audit;

import java.util.UUID;

/**
 * What a caller states in an audit record; the log adds chain, seq, time and the links.
 *
 * @param payloadHash {@code Sha256.ofCanonical} of the action or event the record is about
 */
public record AuditFacts(
        String type,
        UUID goalId,
        UUID actionId,
        String agent,
        String traceId,
        String payloadHash,
        String decision,
        Double suspicion,
        String policyVersion,
        String detail) {
}
