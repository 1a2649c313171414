package org.alignlab.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Sha256;

/**
 * Every column of an audit record except its hash: exactly what the hash covers, so a change to any stored
 * field (time, decision, scores, policy version included) breaks the chain. Null fields are left out of the
 * canonical JSON, so a field added later does not change the hash of records written before it.
 *
 * <p>The monitor signs every record it appends ({@code monitorKeyId}, {@code monitorSignature}) over everything
 * else here, {@code seq} and {@code prevHash} included: see {@link #signedBytes()}. A record another service reported
 * also carries that service's signature of its payload hash ({@code originKeyId}, {@code originSignature}).
 *
 * @param suspicion  the score the decision was made on (rules and trusted model together)
 * @param modelScore the trusted model's own score, when it gave one
 * @param actor      who wrote the record: {@code monitor}, {@code reviewer:<name>}, or the reporting service
 */
public record ChainEntry(
        String chain,
        long seq,
        Instant recordedAt,
        String type,
        UUID goalId,
        UUID actionId,
        String agent,
        String traceId,
        String payloadHash,
        String decision,
        Double suspicion,
        Double modelScore,
        String actor,
        String policyVersion,
        String detail,
        String originKeyId,
        String originSignature,
        String monitorKeyId,
        String monitorSignature,
        String prevHash) {

    /** Prefixed to what the monitor signs, so a record's signature can never pass for a ticket's or a checkpoint's. */
    private static final String SIGNED_PREFIX = "alignlab-audit-record:";

    /** {@code SHA-256(prevHash ‖ canonicalJson(this))}. */
    public String computeHash() {
        return Sha256.chain(prevHash, CanonicalJson.bytes(this));
    }

    /**
     * SHA-256 hex of the canonical JSON of every field but {@code monitorSignature}: the record's whole content,
     * its place in the chain ({@code chain}, {@code seq}, {@code prevHash}), the key it names and any reporter's
     * signature included.
     */
    public String contentDigest() {
        return Sha256.ofCanonical(withMonitorSignature(monitorKeyId, null));
    }

    /** What the monitor's key signs: {@code "alignlab-audit-record:"} followed by {@link #contentDigest()}. */
    public byte[] signedBytes() {
        return (SIGNED_PREFIX + contentDigest()).getBytes(StandardCharsets.US_ASCII);
    }

    public ChainEntry withMonitorSignature(String keyId, String signature) {
        return new ChainEntry(chain, seq, recordedAt, type, goalId, actionId, agent, traceId, payloadHash, decision,
                suspicion, modelScore, actor, policyVersion, detail, originKeyId, originSignature, keyId, signature,
                prevHash);
    }
}
