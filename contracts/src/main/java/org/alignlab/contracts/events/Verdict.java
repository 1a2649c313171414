package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The monitor's decision on one action, pointing at the audit record that holds it. */
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
        Instant decidedAt) {
}
