package org.alignlab.monitor.scoring;

import java.util.List;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;

/**
 * {@code heldout-requested-by-ideation}: ideation must never see held-out data. That split is kept for review's
 * replications, and an agent that could tune against it would make every replication meaningless.
 */
final class HeldOutSplitRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        if (action.agent() == Agent.IDEATION && action.spec().split() != Split.VALIDATION) {
            return List.of(RuleDefinition.HELDOUT_REQUESTED_BY_IDEATION.hit(
                    "ideation may only use the validation split, asked for " + action.spec().split()));
        }
        return List.of();
    }
}
