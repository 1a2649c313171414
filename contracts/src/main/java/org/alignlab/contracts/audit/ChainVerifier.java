package org.alignlab.contracts.audit;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.audit.ChainVerification.BrokenLink;
import org.alignlab.contracts.crypto.TicketVerifier;

/**
 * Walks one chain in seq order, recomputing every hash and prev link and checking every record's signatures
 * ({@link RecordSignatures}), and names the first record that does not check out. Fed one record at a time so a
 * long chain can be streamed from the database in pages.
 */
public final class ChainVerifier {

    /** The prev hash of a chain's first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private final String chain;
    private final RecordSignatures signatures;
    private long records;
    private long headSeq;
    private String headHash = GENESIS_HASH;
    private BrokenLink firstBroken;

    /** Holds every record to the monitor's signature. */
    public ChainVerifier(String chain, TicketVerifier monitor) {
        this(chain, monitor, Map.of());
    }

    /**
     * Holds every record to the monitor's signature, and the records of each actor in {@code originKeys} to that
     * actor's own (see {@link RecordSignatures}).
     */
    public ChainVerifier(String chain, TicketVerifier monitor, Map<String, PublicKey> originKeys) {
        this.chain = chain;
        this.signatures = new RecordSignatures(monitor, originKeys);
    }

    public static ChainVerification verify(String chain, TicketVerifier monitor, List<ChainLink> links) {
        ChainVerifier verifier = new ChainVerifier(chain, monitor);
        links.forEach(verifier::accept);
        return verifier.result();
    }

    /** Checks the next record against the one before it. */
    public void accept(ChainLink link) {
        if (firstBroken == null) {
            firstBroken = check(link);
        }
        records++;
        headSeq = link.entry().seq();
        headHash = link.hash();
    }

    public ChainVerification result() {
        return new ChainVerification(chain, firstBroken == null, records, headSeq, headHash, firstBroken);
    }

    private BrokenLink check(ChainLink link) {
        ChainEntry entry = link.entry();
        if (!chain.equals(entry.chain())) {
            return new BrokenLink(entry.seq(), "record belongs to chain '" + entry.chain() + "'");
        }
        long expected = headSeq + 1;
        if (entry.seq() != expected) {
            return new BrokenLink(entry.seq(), "expected seq " + expected + ": a record is missing or out of order");
        }
        if (!headHash.equals(entry.prevHash())) {
            return new BrokenLink(entry.seq(), "prev_hash does not match the hash of seq " + headSeq);
        }
        if (!entry.computeHash().equals(link.hash())) {
            return new BrokenLink(entry.seq(), "hash does not match the record's content");
        }
        String unsigned = signatures.problem(entry);
        return unsigned == null ? null : new BrokenLink(entry.seq(), unsigned);
    }
}
