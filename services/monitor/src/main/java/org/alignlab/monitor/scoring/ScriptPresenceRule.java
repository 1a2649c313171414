package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;

/**
 * {@code script-mismatch}: agent-written code travels only as a {@code script} family action. A script family
 * action must carry a script; any other family must not (the runner refuses it with exit 2, and a reviewer
 * reading the spec should never have to wonder), and the action type must agree: {@code RUN_SCRIPT} is for scripts,
 * {@code RUN_EXPERIMENT} for the other families, {@code REPLICATE_EXPERIMENT} for either.
 */
final class ScriptPresenceRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        boolean scriptFamily = FamilyCatalogue.standard().find(action.spec().family())
                .map(FamilyDefinition::agentCode).orElse(false);
        String script = action.spec().script();
        List<String> problems = new ArrayList<>();
        if (scriptFamily && (script == null || script.isBlank())) {
            problems.add("family 'script' needs spec.script");
        }
        if (!scriptFamily && script != null) {
            problems.add("family '" + action.spec().family() + "' may not carry spec.script (" + script.length()
                    + " chars); only family 'script' runs agent code");
        }
        if (action.type() == ActionType.RUN_SCRIPT && !scriptFamily) {
            problems.add("type RUN_SCRIPT needs family 'script'");
        }
        if (action.type() == ActionType.RUN_EXPERIMENT && scriptFamily) {
            problems.add("family 'script' runs as RUN_SCRIPT, not RUN_EXPERIMENT");
        }
        return problems.isEmpty() ? List.of()
                : List.of(RuleDefinition.SCRIPT_MISMATCH.hit(String.join("; ", problems)));
    }
}
