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
        return AuditCheckpoint.first(chain, seq, hash, Instant.parse("2026-11-26T10:00:00Z"), keyId);
    }

    /** A linked history, as the monitor signs it: one checkpoint at each of {@code seqs}, in order. */
    static List<AuditCheckpoint> history(List<ChainLink> chain, Instant firstAt, long... seqs) {
        List<AuditCheckpoint> history = new java.util.ArrayList<>();
        for (int i = 0; i < seqs.length; i++) {
            String hash = chain.get((int) seqs[i] - 1).hash();
            Instant at = firstAt.plusSeconds(60L * i);
            history.add(SIGNER.sign(i == 0 ? AuditCheckpoint.first(RandomChains.CHAIN, seqs[i], hash, at,
                    SIGNER.keyId()) : history.get(i - 1).next(seqs[i], hash, at)));
        }
        return history;
    }

    static AuditReport audit(List<ChainLink> chain, List<AuditCheckpoint> checkpoints) {
        ChainAudit audit = new ChainAudit(RandomChains.CHAIN, VERIFIER, checkpoints,
                CheckpointPolicy.eachCheckpointAlone());
        chain.forEach(audit::accept);
        return audit.report();
    }
}
