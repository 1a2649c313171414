package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Permission to run one action once. The signature is Ed25519 over the canonical JSON of every other field,
 * so the executor needs only the monitor's public key to trust it.
 *
 * @param contentHash {@code Sha256.ofCanonical(action)} as the monitor approved it: the executor runs the action
 *                    only if it still hashes to this
 */
public record ExecutionTicket(
        UUID ticketId,
        AgentAction action,
        String contentHash,
        Decision decision,
        long auditSeq,
        String auditHash,
        Instant issuedAt,
        Instant expiresAt,
        String keyId,
        String signature) {

    /** The same ticket carrying the given signature. */
    public ExecutionTicket withSignature(String newSignature) {
        return new ExecutionTicket(ticketId, action, contentHash, decision, auditSeq, auditHash, issuedAt, expiresAt,
                keyId,
                newSignature);
    }
}
