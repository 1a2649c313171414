package org.alignlab.monitor.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.monitor.scoring.RuleDefinition;

/**
 * Turns rule hits into a decision. Any HARD hit blocks, with suspicion 1. Otherwise the suspicion is the largest
 * weight among the SOFT hits ({@link RuleDefinition#weight()}; 0 without any; 1 for an id outside the catalogue),
 * and an action at or above the hold threshold is HELD: it gets no ticket. Everything below is allowed.
 *
 * <p>SOFT hits do not block on their own: they are evidence to weigh, not proof. The threshold is fixed
 * configuration for now; calibrating it from an audit budget, the DEFER_TO_TRUSTED band, the trusted model's
 * score and the reviewer API that releases held actions come with the rest of the control-gate issue. Until
 * then a held action simply never runs.
 */
@ApplicationScoped
public class ControlProtocol {

    public static final String POLICY_VERSION = "rules-1";

    private final double holdThreshold;

    @Inject
    ControlProtocol(MonitorConfig config) {
        this(config.holdThreshold());
    }

    public ControlProtocol(double holdThreshold) {
        this.holdThreshold = holdThreshold;
    }

    public GateDecision decide(List<RuleHit> ruleHits) {
        if (ruleHits.stream().anyMatch(hit -> hit.severity() == RuleHit.Severity.HARD)) {
            return new GateDecision(Decision.BLOCK, 1.0, ruleHits, POLICY_VERSION);
        }
        double suspicion = ruleHits.stream()
                .mapToDouble(hit -> RuleDefinition.byId(hit.ruleId()).map(RuleDefinition::weight).orElse(1.0))
                .max().orElse(0.0);
        Decision decision = suspicion >= holdThreshold ? Decision.HOLD : Decision.ALLOW;
        return new GateDecision(decision, suspicion, ruleHits, POLICY_VERSION);
    }
}
