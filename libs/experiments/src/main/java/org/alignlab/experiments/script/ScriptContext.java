package org.alignlab.experiments.script;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.alignlab.contracts.events.Split;

/**
 * What a script sees of its run: the seed, the split to evaluate on, the spec's params, a {@link Random} seeded with
 * the seed, and where to report metrics. A script that draws all its randomness from {@link #random()} gives the same
 * metrics for the same seed.
 */
public final class ScriptContext {

    private final int seed;
    private final Split split;
    private final Map<String, Object> params;
    private final Random random;
    private final Map<String, Double> metrics = new TreeMap<>();

    ScriptContext(int seed, Split split, Map<String, Object> params) {
        this.seed = seed;
        this.split = split;
        this.params = Collections.unmodifiableMap(new TreeMap<>(params));
        this.random = new Random(seed);
    }

    public int seed() {
        return seed;
    }

    public Split split() {
        return split;
    }

    /** The spec's params, each a String or a Number. */
    public Map<String, Object> params() {
        return params;
    }

    /** @return the param's value, or null when the spec does not set it */
    public Object param(String name) {
        return params.get(name);
    }

    public Random random() {
        return random;
    }

    /**
     * Records a metric for this seed. JSON has no NaN or infinity, and a metric reported twice is more likely a bug
     * than an intended overwrite, so both fail the script at the call that caused them.
     */
    public void report(String metric, double value) {
        Objects.requireNonNull(metric, "metric");
        if (metric.isBlank() || metric.length() > 100) {
            throw new IllegalArgumentException("metric name must be 1-100 characters, got '" + metric + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + metric + " is " + value);
        }
        if (metrics.putIfAbsent(metric, value) != null) {
            throw new IllegalArgumentException("metric " + metric + " reported twice");
        }
    }

    Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }
}
