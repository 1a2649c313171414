package org.alignlab.review.round;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;

/**
 * Review's own REPLICATE_EXPERIMENT actions: the same family and params as the run they replicate, on fresh seeds,
 * on held-out data (or on validation, to top a configuration up to k seeds). Ids and seeds derive from the
 * replicated action ({@link ReplicationDerivation}).
 */
final class ReplicationFactory {

    static final String HELDOUT_POLICY = "replicate-heldout";
    static final String VALIDATION_POLICY = "replicate-validation";

    private static final int MAX_HYPOTHESIS_LINE = 1000;

    private final int maxCpuSeconds;
    private final int maxWallSeconds;

    ReplicationFactory(int maxCpuSeconds, int maxWallSeconds) {
        this.maxCpuSeconds = maxCpuSeconds;
        this.maxWallSeconds = maxWallSeconds;
    }

    static UUID idFor(UUID replicated, Split split) {
        return ReplicationDerivation.replicationId(replicated, split);
    }

    AgentAction replicate(AgentAction original, int round, Split split, int seedCount, Instant now) {
        List<Integer> seeds = ReplicationDerivation.freshSeeds(original.id(), split, seedCount);
        ExperimentSpec spec = new ExperimentSpec(original.spec().family(), original.spec().params(), seeds, split,
                scaled(original.spec(), seedCount), original.spec().script());
        String why = split == Split.HELDOUT
                ? "on the heldout split with fresh seeds " + seeds
                : "on the validation split with additional seeds " + seeds + " to reach the review's minimum";
        String hypothesis = "Replication of action " + original.id() + " " + why + ": "
                + firstLine(original.hypothesis());
        return new AgentAction(idFor(original.id(), split), original.goalId(), round, Agent.REVIEW,
                split == Split.HELDOUT ? HELDOUT_POLICY : VALIDATION_POLICY, ActionType.REPLICATE_EXPERIMENT,
                original.id(), hypothesis, spec, now);
    }

    /** More seeds need proportionally more time, up to the ceilings the monitor allows. */
    private ResourceRequest scaled(ExperimentSpec spec, int seedCount) {
        ResourceRequest asked = spec.resources();
        double factor = Math.max(1.0, seedCount / (double) Math.max(1, spec.seeds().size()));
        return new ResourceRequest(
                (int) Math.min(maxCpuSeconds, Math.ceil(asked.cpuSeconds() * factor)),
                asked.memoryMb(),
                (int) Math.min(maxWallSeconds, Math.ceil(asked.wallSeconds() * factor)));
    }

    private static String firstLine(String hypothesis) {
        if (hypothesis == null || hypothesis.isBlank()) {
            return "no hypothesis stated";
        }
        String line = hypothesis.strip().lines().findFirst().orElse("");
        return line.length() > MAX_HYPOTHESIS_LINE ? line.substring(0, MAX_HYPOTHESIS_LINE) + "…" : line;
    }
}
