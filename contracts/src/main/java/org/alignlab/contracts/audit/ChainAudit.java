package org.alignlab.contracts.audit;

import java.util.Collection;
import java.util.List;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;

/**
 * One walk of a chain for both checks: the records against each other ({@link ChainVerifier}) and against the
 * signed checkpoints ({@link CheckpointCheck}). Fed one record at a time, in seq order, so a long chain can be
 * streamed from the database in pages.
 */
public final class ChainAudit {

    private final ChainVerifier chain;
    private final CheckpointCheck checkpoints;

    /** {@code verifier} holds the monitor's public key; it may be null only when there are no checkpoints. */
    public ChainAudit(String chain, TicketVerifier verifier, Collection<AuditCheckpoint> checkpoints) {
        this.chain = new ChainVerifier(chain);
        this.checkpoints = new CheckpointCheck(chain, verifier, checkpoints);
    }

    /**
     * A walk with no checkpoints to hold the chain to: it catches changed, missing and reordered records, but
     * not a chain rewritten consistently or cut short.
     */
    public static ChainAudit withoutCheckpoints(String chain) {
        return new ChainAudit(chain, null, List.of());
    }

    public void accept(ChainLink link) {
        chain.accept(link);
        checkpoints.accept(link);
    }

    public AuditReport report() {
        return new AuditReport(chain.result(), checkpoints.checked(), checkpoints.coveredSeq(),
                checkpoints.problems());
    }
}
