package org.alignlab.review.round;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;

/**
 * Review's own REPLICATE_EXPERIMENT actions: the same family and params as the run they replicate, on fresh seeds,
 * on held-out data (or on validation, to top a configuration up to k seeds). Ids and seeds derive from the
 * replicated action, so planning the same round twice proposes the same actions.
 */
final class ReplicationFactory {

    static final String HELDOUT_POLICY = "replicate-heldout";
    static final String VALIDATION_POLICY = "replicate-validation";

    /** Fresh seeds are drawn far above the small seeds ideation uses. */
    private static final int FIRST_FRESH_SEED = 1_000_000;
    private static final int MAX_HYPOTHESIS_LINE = 1000;

    private final int maxCpuSeconds;
    private final int maxWallSeconds;

    ReplicationFactory(int maxCpuSeconds, int maxWallSeconds) {
        this.maxCpuSeconds = maxCpuSeconds;
        this.maxWallSeconds = maxWallSeconds;
    }

    static UUID idFor(UUID replicated, Split split) {
        return UUID
                .nameUUIDFromBytes(("review-replication:" + split + ":" + replicated).getBytes(StandardCharsets.UTF_8));
    }

    AgentAction replicate(AgentAction original, int round, Split split, int seedCount, Instant now) {
        List<Integer> seeds = freshSeeds(original, split, seedCount);
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

    private static List<Integer> freshSeeds(AgentAction original, Split split, int count) {
        Set<Integer> used = new HashSet<>(original.spec().seeds());
        SplittableRandom random = new SplittableRandom(idFor(original.id(), split).getMostSignificantBits());
        List<Integer> seeds = new ArrayList<>();
        while (seeds.size() < count) {
            int seed = random.nextInt(FIRST_FRESH_SEED, Integer.MAX_VALUE);
            if (used.add(seed)) {
                seeds.add(seed);
            }
        }
        return seeds;
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
