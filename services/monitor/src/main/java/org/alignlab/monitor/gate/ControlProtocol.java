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
 *   <li>otherwise the suspicion is the larger of {@value #MODEL_WEIGHT} × the model's attack probability and the
 *       largest SOFT weight ({@link RuleDefinition#weight()}; 1 for an id outside the catalogue), and it is HELD at
 *       or above the hold threshold, replaced by a trusted variant at or above the defer threshold, allowed
 *       below.</li>
 * </ol>
 * The model's weight keeps its opinion alone below every SOFT finding of weight 0.9 or more. A rule names what it
 * found; the model is a surface classifier that is confidently wrong on unfamiliar honest code, and where its
 * probability could reach 1 its false positives set the hold threshold above every rule's weight, so the audit
 * budget went to them instead of to the actions a rule had caught (docs/control-eval.md, 7 December 2026). Below
 * the rules, the model still orders everything the rules leave alone.
 * An action with no trusted variant (a script, or already a trusted replacement) is HELD where it would be
 * deferred: the middle band never falls through to ALLOW.
 */
public final class ControlProtocol {

    public static final String POLICY_VERSION = "control-3";

    /** What the model's attack probability is worth against a rule's finding: less than any 0.9 or 0.95 rule. */
    public static final double MODEL_WEIGHT = 0.9;

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
        double suspicion = Math.max(ruleSuspicion, model.scored() ? MODEL_WEIGHT * model.attackProbability() : 0.0);
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
