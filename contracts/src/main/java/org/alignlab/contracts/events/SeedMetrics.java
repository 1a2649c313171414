package org.alignlab.contracts.events;

import java.util.Map;

/** The metrics of one seed's run. */
public record SeedMetrics(int seed, Map<String, Double> metrics) {
}
