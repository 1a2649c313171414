package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Permission to run one action once. The signature is Ed25519 over the canonical JSON of every other field,
 * so the executor needs only the monitor's public key to trust it.
 */
public record ExecutionTicket(
        UUID ticketId,
        AgentAction action,
        Decision decision,
        long auditSeq,
        String auditHash,
        Instant issuedAt,
        Instant expiresAt,
        String keyId,
        String signature) {

    /** The same ticket carrying the given signature. */
    public ExecutionTicket withSignature(String newSignature) {
        return new ExecutionTicket(ticketId, action, decision, auditSeq, auditHash, issuedAt, expiresAt, keyId,
                newSignature);
    }
}
