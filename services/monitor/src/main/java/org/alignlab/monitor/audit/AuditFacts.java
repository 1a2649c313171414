package org.alignlab.monitor.audit;

import java.util.UUID;

/**
 * What a caller states in an audit record; the log adds chain, seq, time and the links.
 *
 * @param payloadHash {@code Sha256.ofCanonical} of the action or event the record is about
 * @param modelScore  the trusted model's own score, when the record is a decision that used one
 * @param actor       who made the record: {@code monitor}, {@code reviewer:<name>}, or the reporting service
 */
public record AuditFacts(
        String type,
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
        String detail) {
}
