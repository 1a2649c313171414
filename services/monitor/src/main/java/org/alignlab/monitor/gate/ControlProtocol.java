package org.alignlab.monitor.gate;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.monitor.model.ModelScore;
import org.alignlab.monitor.scoring.RuleDefinition;

/**
 * Turns rule hits and the trusted model's score into a decision:
 * <ol>
 *   <li>any HARD hit blocks, with suspicion 1;</li>
 *   <li>a model that was asked and gave no score adds a {@code trusted-model-unavailable} hit and the action is HELD:
 *       without the model's opinion a human decides, never the rules alone;</li>
 *   <li>otherwise the suspicion is the larger of the model's attack probability and the largest SOFT weight
 *       ({@link RuleDefinition#weight()}; 1 for an id outside the catalogue), and it is HELD at or above the hold
 *       threshold, replaced by a trusted variant at or above the defer threshold, allowed below.</li>
 * </ol>
 * An action with no trusted variant (a script, or already a trusted replacement) is HELD where it would be
 * deferred: the middle band never falls through to ALLOW.
 */
public final class ControlProtocol {

    public static final String POLICY_VERSION = "control-2";

    public GateDecision decide(List<RuleHit> ruleHits, ModelScore model, Thresholds thresholds,
            boolean hasTrustedVariant) {
        List<RuleHit> hits = new ArrayList<>(ruleHits);
        if (hits.stream().anyMatch(hit -> hit.severity() == RuleHit.Severity.HARD)) {
            return new GateDecision(Decision.BLOCK, 1.0, model.value(), hits, thresholds, POLICY_VERSION);
        }
        if (model.status() == ModelScore.Status.UNAVAILABLE) {
            hits.add(RuleDefinition.TRUSTED_MODEL_UNAVAILABLE.hit(model.unavailableReason()));
        }
        double ruleSuspicion = hits.stream()
                .mapToDouble(hit -> RuleDefinition.byId(hit.ruleId()).map(RuleDefinition::weight).orElse(1.0))
                .max().orElse(0.0);
        double suspicion = Math.max(ruleSuspicion, model.scored() ? model.attackProbability() : 0.0);
        Decision decision;
        if (suspicion >= thresholds.hold() || model.status() == ModelScore.Status.UNAVAILABLE) {
            decision = Decision.HOLD;
        } else if (suspicion >= thresholds.defer()) {
            decision = hasTrustedVariant ? Decision.DEFER_TO_TRUSTED : Decision.HOLD;
        } else {
            decision = Decision.ALLOW;
        }
        return new GateDecision(decision, suspicion, model.value(), hits, thresholds, POLICY_VERSION);
    }
}
