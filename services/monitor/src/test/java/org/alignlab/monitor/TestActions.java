package org.alignlab.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;

/** Fresh, valid actions for tests; each call gets new ids. */
public final class TestActions {

    private TestActions() {
    }

    /** An ideation action the skeleton policy allows. */
    public static AgentAction allowed() {
        return action(Agent.IDEATION, "weak-to-strong", Split.VALIDATION, new ResourceRequest(60, 512, 120));
    }

    /** An allowed action of the given goal; actions of one goal share a partition, so they keep their order. */
    public static AgentAction allowedFor(UUID goalId) {
        return action(goalId, Agent.IDEATION, "weak-to-strong", Split.VALIDATION, new ResourceRequest(60, 512, 120));
    }

    public static AgentAction action(Agent agent, String family, Split split, ResourceRequest resources) {
        return action(UUID.randomUUID(), agent, family, split, resources);
    }

    public static AgentAction action(UUID goalId, Agent agent, String family, Split split,
            ResourceRequest resources) {
        return new AgentAction(UUID.randomUUID(), goalId, 1, agent, "search-v1", ActionType.RUN_EXPERIMENT,
                null, "weak supervision still elicits the strong model",
                new ExperimentSpec(family, Map.of("weakSize", 16, "strongSize", 128), List.of(1, 2, 3), split,
                        resources, null),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
