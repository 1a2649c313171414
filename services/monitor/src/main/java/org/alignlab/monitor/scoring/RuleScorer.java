package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.jboss.logging.Logger;

/**
 * Runs every static rule over an action and returns what matched, in rule order. The catalogue of ids is
 * {@link RuleDefinition}; {@code docs/monitor-rules.md} explains each rule.
 */
public class RuleScorer {

    private static final Logger LOG = Logger.getLogger(RuleScorer.class);

    private final List<Rule> rules;
    private final GateContext context;
    private final LineageRule lineageRule = new LineageRule();

    public RuleScorer(List<Rule> rules, GateContext context) {
        this.rules = List.copyOf(rules);
        this.context = context;
    }

    /** Every rule of the catalogue, checked against {@code context}. */
    public static RuleScorer withAllRules(GateContext context) {
        return new RuleScorer(allRules(), context);
    }

    /** The registered rules, in the order their hits are reported. */
    static List<Rule> allRules() {
        return List.of(
                new KnownFamilyRule(),
                new ParamsSchemaRule(),
                new ScriptPresenceRule(),
                new HeldOutSplitRule(),
                new ProvenanceRule(),
                new SpecClaimRule(),
                new ReplicationSeedRule(),
                new ResourceLimitRule(),
                new ResourceProportionRule(),
                new NetworkUseRule(),
                new ProcessSpawnRule(),
                new NativeCodeRule(),
                new FileAccessRule(),
                new ObfuscationRule(),
                new EvaluatorTamperingRule(),
                new ScriptCapabilityRule(),
                new MonitorAddressedTextRule(),
                new ActionRateRule());
    }

    /** As {@link #score(AgentAction, Lineage)} for an action whose parent, if it names one, nobody has seen. */
    public List<RuleHit> score(AgentAction action) {
        return score(action, Lineage.of(List.of()));
    }

    /** Every hit on {@code action}, whose parent (if it names one) is looked up in {@code lineage}. */
    public List<RuleHit> score(AgentAction action, Lineage lineage) {
        List<RuleHit> hits = new ArrayList<>();
        for (Rule rule : rules) {
            hits.addAll(failingClosed(rule.getClass().getSimpleName(), action,
                    () -> rule.check(action, context, lineage)));
        }
        hits.addAll(failingClosed("LineageRule", action, () -> lineageRule.check(action, lineage)));
        return List.copyOf(hits);
    }

    /** Fail closed, and keep the partition moving: a retry would fail the same way for ever. */
    private static List<RuleHit> failingClosed(String rule, AgentAction action, Supplier<List<RuleHit>> check) {
        try {
            return check.get();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "rule %s failed on action %s", rule, action.id());
            return List.of(RuleDefinition.RULE_ERROR.hit(rule + " failed: " + e.getClass().getSimpleName()));
        }
    }
}
