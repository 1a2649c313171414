package org.alignlab.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * How the platform's review derives a replication's id and fresh seeds from the action it replicates. Review
 * proposes with it, so planning the same round twice proposes the same actions; the monitor checks against it, so a
 * replication whose id or seeds an agent chose itself is not taken for review's.
 */
public final class ReplicationDerivation {

    /** Fresh seeds are drawn at or above this, far above the small seeds ideation uses. */
    public static final int FIRST_FRESH_SEED = 1_000_000;

    private ReplicationDerivation() {
    }

    public static UUID replicationId(UUID replicated, Split split) {
        return UUID.nameUUIDFromBytes(
                ("review-replication:" + split + ":" + replicated).getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code count} distinct fresh seeds for a replication of {@code replicated} on {@code split}. */
    public static List<Integer> freshSeeds(UUID replicated, Split split, int count) {
        SplittableRandom random = new SplittableRandom(replicationId(replicated, split).getMostSignificantBits());
        Set<Integer> drawn = new HashSet<>();
        List<Integer> seeds = new ArrayList<>(count);
        while (seeds.size() < count) {
            int seed = random.nextInt(FIRST_FRESH_SEED, Integer.MAX_VALUE);
            if (drawn.add(seed)) {
                seeds.add(seed);
            }
        }
        return seeds;
    }
}
