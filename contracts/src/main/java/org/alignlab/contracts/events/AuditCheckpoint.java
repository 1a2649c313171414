package org.alignlab.contracts.events;

import java.time.Instant;

/** A signed statement of the audit chain's head, published outside the database. */
public record AuditCheckpoint(String chain, long seq, String hash, Instant createdAt, String keyId, String signature) {

    /** The same checkpoint carrying the given signature. */
    public AuditCheckpoint withSignature(String newSignature) {
        return new AuditCheckpoint(chain, seq, hash, createdAt, keyId, newSignature);
    }
}
