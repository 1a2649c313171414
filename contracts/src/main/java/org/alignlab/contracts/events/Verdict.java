package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The monitor's decision on one action, pointing at the audit record that holds it. Signed with the monitor's key
 * (as tickets are: Ed25519 over the canonical JSON of every other field), so a consumer believes only the monitor.
 */
public record Verdict(
        UUID actionId,
        UUID goalId,
        Decision decision,
        double suspicion,
        List<RuleHit> ruleHits,
        Double modelScore,
        String policyVersion,
        String decidedBy,
        UUID replacementActionId,
        long auditSeq,
        String auditHash,
        Instant decidedAt,
        String keyId,
        String signature) {

    public Verdict withSignature(String newSignature) {
        return new Verdict(actionId, goalId, decision, suspicion, ruleHits, modelScore, policyVersion, decidedBy,
                replacementActionId, auditSeq, auditHash, decidedAt, keyId, newSignature);
    }

    /** The same verdict, to be signed by the key with this id. */
    public Verdict signedBy(String newKeyId) {
        return new Verdict(actionId, goalId, decision, suspicion, ruleHits, modelScore, policyVersion, decidedBy,
                replacementActionId, auditSeq, auditHash, decidedAt, newKeyId, null);
    }
}
