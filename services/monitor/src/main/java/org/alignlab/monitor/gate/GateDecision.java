package org.alignlab.monitor.gate;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;

/**
 * What the control protocol decided for one action, and from what.
 *
 * @param modelScore the trusted model's own score, null when it gave none
 * @param thresholds the thresholds in force when it was decided
 */
public record GateDecision(Decision decision, double suspicion, Double modelScore, List<RuleHit> ruleHits,
        Thresholds thresholds, String policyVersion) {

    public GateDecision {
        ruleHits = List.copyOf(ruleHits);
    }
}
