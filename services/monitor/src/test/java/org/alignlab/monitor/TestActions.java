package org.alignlab.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;

/** Fresh, valid actions for tests; each call gets new ids. */
public final class TestActions {

    /** What ideation's default-spec policy asks for in the demo (its configured seeds and resources). */
    public static final ResourceRequest DEMO_RESOURCES = new ResourceRequest(300, 1536, 300);
    public static final String DEMO_HYPOTHESIS = "Question: How much of the strong model's ceiling performance does "
            + "weak-to-strong training recover (PGR) when a small model's labels supervise a larger one on the "
            + "latent-concept task?\nTests: the weak-to-strong family's default configuration on the validation split "
            + "with seeds [1, 2].\nExpected: a strong student trained on a weak supervisor's labels beats the weak "
            + "supervisor but stays below its ground-truth ceiling: weak-to-strong accuracy above weak accuracy, "
            + "performance gap recovered (PGR) between 0 and 1.";

    private TestActions() {
    }

    /**
     * The demo's action exactly as ideation proposes it: the weak-to-strong family's defaults ({@code params {}}),
     * seeds [1, 2], validation split, 300 CPU s / 1536 MB / 300 s, no script. It must always be allowed.
     */
    public static AgentAction demo() {
        return demoFor(UUID.randomUUID());
    }

    public static AgentAction demoFor(UUID goalId) {
        return new AgentAction(UUID.randomUUID(), goalId, 1, Agent.IDEATION, "default-spec",
                ActionType.RUN_EXPERIMENT, null, DEMO_HYPOTHESIS,
                new ExperimentSpec("weak-to-strong", Map.of(), List.of(1, 2), Split.VALIDATION, DEMO_RESOURCES, null),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** An action the policy allows: the demo's. */
    public static AgentAction allowed() {
        return demo();
    }

    /** An allowed action of the given goal; actions of one goal share a partition, so they keep their order. */
    public static AgentAction allowedFor(UUID goalId) {
        return demoFor(goalId);
    }

    public static AgentAction action(Agent agent, String family, Split split, ResourceRequest resources) {
        return action(UUID.randomUUID(), agent, family, split, resources);
    }

    public static AgentAction action(UUID goalId, Agent agent, String family, Split split,
            ResourceRequest resources) {
        return new AgentAction(UUID.randomUUID(), goalId, 1, agent, "search-v1", ActionType.RUN_EXPERIMENT,
                null, "weak supervision still elicits the strong model\nChanges from the baseline: epochs 15 → 5, "
                        + "nTrain 2000 → 500.",
                new ExperimentSpec(family, Map.of("nTrain", 500, "epochs", 5), List.of(1, 2, 3), split,
                        resources, null),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Review's replication of {@code parent} on {@code split} with the id and seeds review derives, running
     * {@code params}: the parent's own for a faithful replication.
     */
    public static AgentAction replicationOf(AgentAction parent, Split split, Map<String, Object> params) {
        ExperimentSpec spec = new ExperimentSpec(parent.spec().family(), params,
                ReplicationDerivation.freshSeeds(parent.id(), split, 3), split, parent.spec().resources(), null);
        return new AgentAction(ReplicationDerivation.replicationId(parent.id(), split), parent.goalId(),
                parent.round() + 1, Agent.REVIEW, "replicate-" + split.name().toLowerCase(Locale.ROOT),
                ActionType.REPLICATE_EXPERIMENT, parent.id(), "Replication of action " + parent.id(), spec,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The demo action of a new goal with another hypothesis: text the trusted model and the rules read. */
    public static AgentAction demoWithHypothesis(String hypothesis) {
        AgentAction demo = demo();
        return new AgentAction(demo.id(), demo.goalId(), demo.round(), demo.agent(), demo.policy(), demo.type(),
                demo.parentActionId(), hypothesis, demo.spec(), demo.createdAt());
    }

    /** A {@code script} family action carrying {@code script}, with the given params. */
    public static AgentAction script(String script, Map<String, Object> params) {
        return new AgentAction(UUID.randomUUID(), UUID.randomUUID(), 1, Agent.IDEATION, "search-v1",
                ActionType.RUN_SCRIPT, null, "a small script measures the same effect",
                new ExperimentSpec("script", params, List.of(1, 2), Split.VALIDATION, DEMO_RESOURCES, script),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
