package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.TreeSet;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;

/** {@code unknown-family}: only families the platform knows how to sandbox and evaluate may run. */
final class KnownFamilyRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        String family = action.spec().family();
        if (ctx.limits().knownFamilies().contains(family)) {
            return List.of();
        }
        return List.of(RuleDefinition.UNKNOWN_FAMILY.hit(
                "family '" + family + "' is not one of " + new TreeSet<>(ctx.limits().knownFamilies())));
    }
}
