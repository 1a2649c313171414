package org.alignlab.monitor.scoring;

import java.util.List;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.RuleHit;

/**
 * {@code replication-seed-range}: ideation running on seeds from the range review draws its replications' fresh
 * seeds from. Ideation's seeds are the configured small ones; a proposal on review's seeds is either tuning on the
 * draws a replication will be judged on, or dressing itself up as one. A human decides.
 */
final class ReplicationSeedRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        if (action.agent() != Agent.IDEATION) {
            return List.of();
        }
        List<Integer> reviewSeeds = action.spec().seeds().stream()
                .filter(seed -> seed >= ReplicationDerivation.FIRST_FRESH_SEED).toList();
        return reviewSeeds.isEmpty() ? List.of()
                : List.of(RuleDefinition.REPLICATION_SEED_RANGE.hit("seeds " + reviewSeeds + " lie at or above "
                        + ReplicationDerivation.FIRST_FRESH_SEED + ", where review draws replication seeds"));
    }
}
