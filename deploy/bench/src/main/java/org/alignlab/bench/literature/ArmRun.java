package org.alignlab.bench.literature;

import java.util.List;
import java.util.Map;

/**
 * What an arm's seeds reported, in the plan's seed order.
 *
 * @param cpuSeconds the process's CPU time while the arm ran (training, the JIT and the collector)
 */
public record ArmRun(Arm arm, List<Integer> seeds, List<Map<String, Double>> perSeed, double cpuSeconds,
        double wallSeconds) {

    public ArmRun {
        seeds = List.copyOf(seeds);
        perSeed = perSeed.stream().map(Map::copyOf).toList();
        if (seeds.size() != perSeed.size()) {
            throw new IllegalArgumentException(seeds.size() + " seeds but " + perSeed.size() + " results");
        }
    }

    /** Each seed's value of {@code metric}, NaN where the seed reported none. */
    public double[] values(String metric) {
        return perSeed.stream().mapToDouble(metrics -> metrics.getOrDefault(metric, Double.NaN)).toArray();
    }

    public Estimate mean(String metric) {
        return Estimate.mean(values(metric));
    }

    /** How many seeds reported {@code metric} at all. */
    public int reported(String metric) {
        return (int) perSeed.stream().filter(metrics -> metrics.containsKey(metric)).count();
    }
}
