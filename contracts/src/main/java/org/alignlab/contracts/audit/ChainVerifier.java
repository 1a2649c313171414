package org.alignlab.contracts.audit;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.audit.ChainVerification.BrokenLink;

/**
 * Walks one chain in seq order, recomputing every hash and prev link, and names the first record that does not
 * check out. Fed one record at a time so a long chain can be streamed from the database in pages.
 */
public final class ChainVerifier {

    /** The prev hash of a chain's first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private final String chain;
    private final Map<String, PublicKey> originKeys;
    private long records;
    private long headSeq;
    private String headHash = GENESIS_HASH;
    private BrokenLink firstBroken;

    /** Checks the chain's links only, not who vouched for the records other services reported. */
    public ChainVerifier(String chain) {
        this(chain, Map.of());
    }

    /**
     * @param originKeys per actor whose records must carry its own signature (the executor's for execution
     *                   events), that actor's public key
     */
    public ChainVerifier(String chain, Map<String, PublicKey> originKeys) {
        this.chain = chain;
        this.originKeys = Map.copyOf(originKeys);
    }

    public static ChainVerification verify(String chain, List<ChainLink> links) {
        ChainVerifier verifier = new ChainVerifier(chain);
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
        PublicKey origin = entry.actor() == null ? null : originKeys.get(entry.actor());
        if (origin != null && !OriginSigner.verifies(origin, entry.payloadHash(), entry.originSignature())) {
            return new BrokenLink(entry.seq(), entry.originSignature() == null
                    ? "a record of " + entry.actor() + " without its signature: not reported by " + entry.actor()
                    : "the signature of " + entry.actor() + " does not verify: forged or altered");
        }
        return null;
    }
}
