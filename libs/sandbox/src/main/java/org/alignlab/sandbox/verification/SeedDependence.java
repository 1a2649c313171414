package org.alignlab.sandbox.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.alignlab.contracts.events.SeedMetrics;

/**
 * Which reported metrics do not depend on the seed: an agent's script run again on other seeds reports them with
 * exactly the values it reported before. A measured quantity moves when the random data under it changes; a number
 * that does not was written down, not measured (a constant, or something computed from the parameters alone).
 */
public final class SeedDependence {

    private SeedDependence() {
    }

    /**
     * The metrics of {@code recorded} that came out of {@code reseeded} (the same script on other seeds) with the
     * same values, seed for seed in order and overall; sorted.
     */
    public static List<String> unmoved(RunNumbers recorded, RunNumbers reseeded) {
        List<String> unmoved = new ArrayList<>();
        for (String metric : names(recorded)) {
            if (sameEverywhere(metric, recorded, reseeded)) {
                unmoved.add(metric);
            }
        }
        return unmoved;
    }

    /** Every metric a run reported, overall or for some seed; sorted. */
    public static Set<String> names(RunNumbers run) {
        Set<String> names = new TreeSet<>(run.metrics().keySet());
        run.perSeed().forEach(seed -> names.addAll(seed.metrics().keySet()));
        return names;
    }

    private static boolean sameEverywhere(String metric, RunNumbers recorded, RunNumbers reseeded) {
        if (!Objects.equals(recorded.metrics().get(metric), reseeded.metrics().get(metric))) {
            return false;
        }
        List<Double> before = perSeed(metric, recorded.perSeed());
        List<Double> after = perSeed(metric, reseeded.perSeed());
        return before.equals(after);
    }

    private static List<Double> perSeed(String metric, List<SeedMetrics> seeds) {
        return seeds.stream().map(SeedMetrics::metrics).map((Map<String, Double> metrics) -> metrics.get(metric))
                .toList();
    }
}
