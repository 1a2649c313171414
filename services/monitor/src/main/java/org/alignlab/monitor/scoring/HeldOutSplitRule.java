package org.alignlab.monitor.scoring;

import java.util.Optional;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;

/**
 * Ideation must never see held-out data: that split is kept for review's replications, and an agent that
 * could tune against it would make every replication meaningless.
 */
public record HeldOutSplitRule() implements Rule {

    public static final String ID = "heldout-requested-by-ideation";

    @Override
    public Optional<RuleHit> check(AgentAction action) {
        if (action.agent() == Agent.IDEATION && action.spec().split() != Split.VALIDATION) {
            return Optional.of(new RuleHit(ID, RuleHit.Severity.HARD,
                    "ideation may only use the validation split, asked for " + action.spec().split()));
        }
        return Optional.empty();
    }
}
