package org.alignlab.contracts.events;

import java.time.Instant;
import org.alignlab.contracts.json.Sha256;

/**
 * A signed statement of the audit chain's head, published outside the database. Checkpoints form their own chain:
 * each names the one before it by hash, so a deleted or rewritten checkpoint breaks the history a verifier walks,
 * and a monitor that signs must extend what it signed before.
 *
 * @param seq             the audit record the checkpoint vouches for
 * @param hash            that record's hash
 * @param checkpointSeq   this checkpoint's place in the checkpoint history, 1 for the first
 * @param previousHash    {@link #checkpointHash()} of checkpoint {@code checkpointSeq - 1}, {@link #GENESIS} for
 *                        the first
 */
public record AuditCheckpoint(String chain, long seq, String hash, long checkpointSeq, String previousHash,
        Instant createdAt, String keyId, String signature) {

    /** What the first checkpoint of a history names as its predecessor. */
    public static final String GENESIS = "0".repeat(64);

    /** The same checkpoint carrying the given signature. */
    public AuditCheckpoint withSignature(String newSignature) {
        return new AuditCheckpoint(chain, seq, hash, checkpointSeq, previousHash, createdAt, keyId, newSignature);
    }

    /**
     * The hash the next checkpoint names: over exactly what the signature covers (every field but the signature),
     * so it is the same whoever computes it.
     */
    public String checkpointHash() {
        return Sha256.ofCanonical(withSignature(null));
    }

    /** The unsigned checkpoint that follows this one, of the audit record {@code seq} with hash {@code hash}. */
    public AuditCheckpoint next(long nextSeq, String nextHash, Instant at) {
        return new AuditCheckpoint(chain, nextSeq, nextHash, checkpointSeq + 1, checkpointHash(), at, keyId, null);
    }

    /** The unsigned first checkpoint of a history. */
    public static AuditCheckpoint first(String chain, long seq, String hash, Instant at, String keyId) {
        return new AuditCheckpoint(chain, seq, hash, 1, GENESIS, at, keyId, null);
    }
}
