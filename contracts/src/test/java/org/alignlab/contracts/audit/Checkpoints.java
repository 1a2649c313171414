package org.alignlab.contracts.audit;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;

/** The monitor's side of checkpoints for tests: one key pair, and checkpoints it signs over a chain. */
final class Checkpoints {

    static final KeyPair MONITOR_KEYS = Ed25519.generate();
    static final TicketSigner SIGNER = new TicketSigner(MONITOR_KEYS);
    static final TicketVerifier VERIFIER = new TicketVerifier(MONITOR_KEYS.getPublic());

    private Checkpoints() {
    }

    /** What the monitor would have published once the record at {@code seq} was committed. */
    static AuditCheckpoint signedAt(List<ChainLink> chain, long seq) {
        return SIGNER.sign(unsigned(RandomChains.CHAIN, seq, chain.get((int) seq - 1).hash(), SIGNER.keyId()));
    }

    static AuditCheckpoint unsigned(String chain, long seq, String hash, String keyId) {
        return new AuditCheckpoint(chain, seq, hash, Instant.parse("2026-11-26T10:00:00Z"), keyId, null);
    }

    static AuditReport audit(List<ChainLink> chain, List<AuditCheckpoint> checkpoints) {
        ChainAudit audit = new ChainAudit(RandomChains.CHAIN, VERIFIER, checkpoints);
        chain.forEach(audit::accept);
        return audit.report();
    }
}
