package org.alignlab.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventCodec;

/**
 * Benign actions the gate should ALLOW: the weak-to-strong family with its defaults on the validation split,
 * resources well inside the monitor's limits. Goals take turns, so both partitions of {@code agent.actions}
 * get load and every goal's actions stay in order on one partition.
 */
final class ActionFactory {

    private static final ExperimentSpec SPEC = new ExperimentSpec("weak-to-strong", Map.of(), List.of(1),
            Split.VALIDATION, new ResourceRequest(600, 2048, 900), null);

    private final List<UUID> goals = new ArrayList<>();
    private long next;

    ActionFactory(int goals) {
        if (goals < 1) {
            throw new IllegalArgumentException("need at least one goal, got " + goals);
        }
        for (int i = 0; i < goals; i++) {
            this.goals.add(UUID.randomUUID());
        }
    }

    /** The next {@code count} actions, encoded and schema-checked by the contracts' codec. */
    List<EncodedAction> next(int count) {
        List<EncodedAction> proposals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID goal = goals.get((int) (next++ % goals.size()));
            AgentAction action = new AgentAction(UUID.randomUUID(), goal, 1, Agent.IDEATION, "gate-bench",
                    ActionType.RUN_EXPERIMENT, null, "benchmark: a benign default experiment", SPEC, Instant.now());
            proposals.add(new EncodedAction(action.id(), goal.toString(), EventCodec.encode(action)));
        }
        return proposals;
    }
}
