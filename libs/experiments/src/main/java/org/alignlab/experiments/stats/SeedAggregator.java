package org.alignlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.SeedMetrics;

/**
 * Aggregates per-seed metrics: for each metric m, {@code m} (mean), {@code m_std} (sample standard deviation, 0 for
 * one seed) and {@code m_ci95_lo}/{@code m_ci95_hi} (mean ± t(0.975, n−1)·sd/√n; both equal the mean for one seed).
 * A metric that only some seeds report (e.g. an undefined ratio) is aggregated over the seeds that report it.
 */
public final class SeedAggregator {

    private SeedAggregator() {
    }

    public static Map<String, Double> aggregate(List<SeedMetrics> perSeed) {
        Map<String, List<Double>> samples = new TreeMap<>();
        for (SeedMetrics seed : perSeed) {
            seed.metrics().forEach((name, value) -> samples.computeIfAbsent(name, k -> new ArrayList<>()).add(value));
        }
        Map<String, Double> aggregated = new TreeMap<>();
        samples.forEach((name, values) -> {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
            double sd = n == 1 ? 0.0 : Math.sqrt(values.stream()
                    .mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1));
            double halfWidth = n == 1 ? 0.0 : StudentT.quantile975(n - 1) * sd / Math.sqrt(n);
            aggregated.put(name, mean);
            aggregated.put(name + "_std", sd);
            aggregated.put(name + "_ci95_lo", mean - halfWidth);
            aggregated.put(name + "_ci95_hi", mean + halfWidth);
        });
        return aggregated;
    }
}
