package org.alignlab.monitor.audit;

import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Sha256;

/**
 * Every column of an audit record except its hash: exactly what the hash covers, so a change to any stored
 * field (time, decision, suspicion, policy version included) breaks the chain.
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
        String policyVersion,
        String detail,
        String prevHash) {

    /** {@code SHA-256(prevHash ‖ canonicalJson(this))}. */
    public String computeHash() {
        return Sha256.chain(prevHash, CanonicalJson.bytes(this));
    }
}
