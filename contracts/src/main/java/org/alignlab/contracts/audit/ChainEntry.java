package org.alignlab.contracts.audit;

import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Sha256;

/**
 * Every column of an audit record except its hash: exactly what the hash covers, so a change to any stored
 * field (time, decision, scores, policy version included) breaks the chain. Null fields are left out of the
 * canonical JSON, so a field added later does not change the hash of records written before it.
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
        String prevHash) {

    /** {@code SHA-256(prevHash ‖ canonicalJson(this))}. */
    public String computeHash() {
        return Sha256.chain(prevHash, CanonicalJson.bytes(this));
    }
}
