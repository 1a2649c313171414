package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;

/**
 * Turns scores into a decision. The skeleton policy knows only static rules: no hit allows, any hit blocks.
 * Every rule today is HARD; a SOFT hit blocks too until the suspicion thresholds (HOLD, DEFER_TO_TRUSTED) and
 * the trusted model arrive, because a gate that is unsure must fail closed.
 */
@ApplicationScoped
public class ControlProtocol {

    public static final String POLICY_VERSION = "skeleton-1";

    public GateDecision decide(List<RuleHit> ruleHits) {
        if (ruleHits.isEmpty()) {
            return new GateDecision(Decision.ALLOW, 0.0, ruleHits, POLICY_VERSION);
        }
        return new GateDecision(Decision.BLOCK, 1.0, ruleHits, POLICY_VERSION);
    }
}
