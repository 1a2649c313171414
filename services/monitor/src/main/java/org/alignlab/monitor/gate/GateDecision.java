package org.alignlab.monitor.gate;

import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;

/** What the control protocol decided for one action, and from what. */
public record GateDecision(Decision decision, double suspicion, List<RuleHit> ruleHits, String policyVersion) {

    public GateDecision {
        ruleHits = List.copyOf(ruleHits);
    }
}
