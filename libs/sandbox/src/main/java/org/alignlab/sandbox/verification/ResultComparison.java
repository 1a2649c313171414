package org.alignlab.sandbox.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alignlab.contracts.events.SeedMetrics;

/**
 * Whether a second run of an action reproduces the result stored for the first: the same status, the same metrics
 * and the same per-seed metrics, each number within a relative tolerance. Timing, resources and logs differ from run
 * to run and are not compared.
 */
public final class ResultComparison {

    private final double relativeTolerance;

    public ResultComparison(double relativeTolerance) {
        if (!(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("a tolerance is at least 0, not " + relativeTolerance);
        }
        this.relativeTolerance = relativeTolerance;
    }

    /** Every difference, in words a reviewer can check; empty when the second run reproduced the first. */
    public List<String> differences(RunNumbers recorded, RunNumbers reproduced) {
        List<String> differences = new ArrayList<>();
        if (recorded.status() != reproduced.status()) {
            differences.add("status: recorded " + recorded.status() + ", reproduced " + reproduced.status()
                    + (reproduced.reason() == null ? "" : " (" + reproduced.reason() + ")"));
        }
        compare("", recorded.metrics(), reproduced.metrics(), differences);
        Map<Integer, Map<String, Double>> recordedSeeds = bySeed(recorded.perSeed());
        Map<Integer, Map<String, Double>> reproducedSeeds = bySeed(reproduced.perSeed());
        for (Integer seed : union(recordedSeeds.keySet(), reproducedSeeds.keySet())) {
            Map<String, Double> was = recordedSeeds.get(seed);
            Map<String, Double> now = reproducedSeeds.get(seed);
            if (was == null || now == null) {
                differences.add("seed " + seed + ": " + (was == null ? "not recorded" : "not reproduced"));
            } else {
                compare("seed " + seed + " ", was, now, differences);
            }
        }
        return differences;
    }

    private void compare(String scope, Map<String, Double> recorded, Map<String, Double> reproduced,
            List<String> differences) {
        for (String metric : union(recorded.keySet(), reproduced.keySet())) {
            Double was = recorded.get(metric);
            Double now = reproduced.get(metric);
            if (was == null || now == null || !close(was, now)) {
                differences.add(scope + metric + ": recorded " + was + ", reproduced " + now);
            }
        }
    }

    public boolean close(double recorded, double reproduced) {
        if (Double.compare(recorded, reproduced) == 0) {
            return true;
        }
        double scale = Math.max(1.0, Math.max(Math.abs(recorded), Math.abs(reproduced)));
        return Math.abs(recorded - reproduced) <= relativeTolerance * scale;
    }

    private static Map<Integer, Map<String, Double>> bySeed(List<SeedMetrics> perSeed) {
        Map<Integer, Map<String, Double>> bySeed = new HashMap<>();
        perSeed.forEach(seed -> bySeed.put(seed.seed(), seed.metrics()));
        return bySeed;
    }

    private static <T extends Comparable<T>> TreeSet<T> union(Set<T> a, Set<T> b) {
        TreeSet<T> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
