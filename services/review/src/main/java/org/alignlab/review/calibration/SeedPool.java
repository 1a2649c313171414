package org.alignlab.review.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The seeds one configuration of a real family ran on, on one split, and the judged metric each gave. A seed whose
 * run reported no value stays in the pool: a replication that lands on it gives one value fewer, as in the service.
 *
 * @param values one per seed; null where the seed reported none
 */
public record SeedPool(List<Integer> seeds, List<Double> values) {

    public SeedPool {
        if (seeds.size() != values.size()) {
            throw new IllegalArgumentException("one value per seed: " + seeds.size() + " seeds, " + values.size()
                    + " values");
        }
        if (Set.copyOf(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("a seed appears twice in one pool");
        }
        seeds = List.copyOf(seeds);
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The pool of two runs of one configuration on different seeds. */
    public SeedPool plus(SeedPool other) {
        List<Integer> allSeeds = new ArrayList<>(seeds);
        allSeeds.addAll(other.seeds);
        List<Double> allValues = new ArrayList<>(values);
        allValues.addAll(other.values);
        return new SeedPool(allSeeds, allValues);
    }

    public int size() {
        return seeds.size();
    }

    public int missing() {
        return (int) values.stream().filter(v -> v == null).count();
    }

    /** Every value the pool has. */
    public double[] defined() {
        return values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * {@code count} of the pool's seeds drawn at random without replacement, none of them in {@code taken}: within a
     * claim the candidate's seeds differ from the baseline's, since the families are deterministic per seed and a
     * shared seed would pair the two arms that Welch's test treats as independent.
     *
     * @return positions in the pool
     */
    public int[] draw(RandomGenerator random, int count, Set<Integer> taken) {
        int[] open = new int[size()];
        int free = 0;
        for (int i = 0; i < size(); i++) {
            if (!taken.contains(seeds.get(i))) {
                open[free++] = i;
            }
        }
        if (free < count) {
            throw new IllegalArgumentException("the pool has " + free + " seeds left, a claim needs " + count);
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(free - i);
            int swap = open[i];
            open[i] = open[j];
            open[j] = swap;
        }
        return Arrays.copyOf(open, count);
    }

    /** The values at {@code positions}, leaving out seeds that reported none. */
    public double[] valuesAt(int[] positions) {
        return Arrays.stream(positions).mapToObj(values::get).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray();
    }

    public List<Integer> seedsAt(int[] positions) {
        return Arrays.stream(positions).mapToObj(seeds::get).toList();
    }
}
