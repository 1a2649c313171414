package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.RuleHit;
import org.alignlab.contracts.events.Split;

/**
 * {@code agent-role-violation} and {@code replication-not-derived}: who may propose what. Ideation runs new
 * experiments and scripts and names no parent (its split is {@link HeldOutSplitRule}'s to check); review only
 * replicates, naming the action it replicates; the trusted agent only replaces a named action with its family's
 * defaults, never with a script. Those are the only shapes the platform's own agents produce, so anything else is
 * impossible for them and blocks.
 *
 * <p>Review also derives a replication's id and fresh seeds from the replicated action. A replication with other
 * ids or seeds did not come from today's review; that is held rather than blocked, since an older build of review
 * may still be in flight. Whether the named parent exists in the same goal and what the action keeps of it is
 * {@link LineageRule}'s to check.
 */
final class ProvenanceRule implements Rule {

    @Override
    public List<RuleHit> check(AgentAction action, GateContext ctx) {
        List<String> impossible = roleViolations(action);
        if (!impossible.isEmpty()) {
            return List.of(RuleDefinition.AGENT_ROLE_VIOLATION.hit(String.join("; ", impossible)));
        }
        List<String> underived = derivationMismatches(action);
        return underived.isEmpty() ? List.of()
                : List.of(RuleDefinition.REPLICATION_NOT_DERIVED.hit(String.join("; ", underived)));
    }

    private static List<String> roleViolations(AgentAction action) {
        List<String> violations = new ArrayList<>();
        ActionType type = action.type();
        switch (action.agent()) {
            case IDEATION -> {
                if (type == ActionType.REPLICATE_EXPERIMENT) {
                    violations.add("ideation may not replicate; only review does");
                } else if (action.parentActionId() != null) {
                    violations.add("ideation proposes new experiments and names no parent, named "
                            + action.parentActionId());
                }
            }
            case REVIEW -> {
                if (type != ActionType.REPLICATE_EXPERIMENT) {
                    violations.add("review only replicates, asked for " + type);
                }
            }
            case TRUSTED -> {
                if (type == ActionType.RUN_SCRIPT || action.spec().script() != null) {
                    violations.add("a trusted replacement never runs a script");
                }
                if (action.spec().params() != null && !action.spec().params().isEmpty()) {
                    violations.add("a trusted replacement runs the family's defaults, asked for params "
                            + action.spec().params().keySet());
                }
            }
        }
        if (action.spec().split() == Split.HELDOUT && type != ActionType.REPLICATE_EXPERIMENT
                && action.agent() != Agent.IDEATION) {
            violations.add("only replications run on the heldout split, asked by a " + type + " of "
                    + action.agent());
        }
        if ((type == ActionType.REPLICATE_EXPERIMENT || action.agent() == Agent.TRUSTED)
                && action.parentActionId() == null) {
            violations.add(action.agent() + " " + type + " names no parent action");
        }
        return violations;
    }

    private static List<String> derivationMismatches(AgentAction action) {
        List<String> mismatches = new ArrayList<>();
        if (action.parentActionId() == null || action.agent() != Agent.REVIEW) {
            return mismatches;
        }
        Split split = action.spec().split();
        if (!ReplicationDerivation.replicationId(action.parentActionId(), split).equals(action.id())) {
            mismatches.add("id " + action.id() + " is not the one review derives for a " + split
                    + " replication of " + action.parentActionId());
        }
        List<Integer> seeds = action.spec().seeds();
        if (!ReplicationDerivation.freshSeeds(action.parentActionId(), split, seeds.size()).equals(seeds)) {
            mismatches.add("seeds are not the fresh seeds review derives from the parent");
        }
        return mismatches;
    }
}
