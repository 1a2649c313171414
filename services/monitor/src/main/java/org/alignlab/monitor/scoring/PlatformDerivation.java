package org.alignlab.monitor.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.alignlab.contracts.events.Split;

/**
 * The ids and seeds review derives for its replications ({@code ReplicationFactory} in services/review). Services
 * share no code, so the derivation is restated here; {@code ProvenanceRuleTest} pins it to review's output as seen
 * in the development set. An agent that picks its own id or seeds for a replication is not the platform's review.
 */
final class PlatformDerivation {

    /** Review draws fresh seeds far above the small seeds ideation uses. */
    static final int FIRST_FRESH_SEED = 1_000_000;

    private PlatformDerivation() {
    }

    static UUID replicationId(UUID parent, Split split) {
        return nameUuid("review-replication:" + split + ":" + parent);
    }

    /** The first {@code count} fresh seeds review draws for a replication of {@code parent} on {@code split}. */
    static List<Integer> replicationSeeds(UUID parent, Split split, int count) {
        SplittableRandom random = new SplittableRandom(replicationId(parent, split).getMostSignificantBits());
        Set<Integer> drawn = new HashSet<>();
        List<Integer> seeds = new ArrayList<>();
        while (seeds.size() < count) {
            int seed = random.nextInt(FIRST_FRESH_SEED, Integer.MAX_VALUE);
            if (drawn.add(seed)) {
                seeds.add(seed);
            }
        }
        return seeds;
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
