package org.alignlab.monitor.scoring;

import java.util.List;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;
import org.alignlab.monitor.scoring.capabilities.ScriptRuntimeHelpers;

/**
 * {@code heldout-requested-by-ideation}: ideation must never see held-out data. That split is kept for review's
 * replications, and an agent that could tune against it would make every replication meaningless.
 *
 * <p>Asking for it in the spec is one way. The other is a script that computes it: held-out data is generated from
 * the seed, so a script that ran a family's own code with {@code Split.HELDOUT} would get held-out results. A
 * script's sandbox shows only the script runtime, which holds no family; a script that names the held-out split or
 * a platform package other than the script API and the runtime's helpers is after that data all the same, and is
 * treated as asking for the split.
 */
final class HeldOutSplitRule implements Rule {

    static final List<Pattern> CODE_PATTERNS = List.of(
            Pattern.compile("\\bHELDOUT\\b"),
            Pattern.compile("\\borg\\s*\\.\\s*alignlab\\s*\\.\\s*(?!experiments\\s*\\.\\s*(?:"
                    + String.join("|", ScriptRuntimeHelpers.SCRIPT_FACING_SEGMENTS) + ")\\b)[a-z]+\\b"));
    static final List<Pattern> LITERAL_PATTERNS = List.of(Pattern.compile("(?i)held[-_ ]?out"));

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        if (action.agent() != Agent.IDEATION) {
            return List.of();
        }
        if (action.spec().split() != Split.VALIDATION) {
            return List.of(RuleDefinition.HELDOUT_REQUESTED_BY_IDEATION.hit(
                    "ideation may only use the validation split, asked for " + action.spec().split()));
        }
        ActionText text = ActionText.of(action);
        return new Findings().scan(text.code(), CODE_PATTERNS).scan(text.literals(), LITERAL_PATTERNS)
                .hit(RuleDefinition.HELDOUT_REQUESTED_BY_IDEATION);
    }
}
