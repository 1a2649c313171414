package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.experiments.stats.SeedAggregator;
import org.junit.jupiter.api.Test;

/** {@link OutputCheck} against {@code RunnerOutput.schema.json}: it passes an output exactly when the schema does. */
class OutputCheckTest {

    private static final JsonSchema SCHEMA = EventValidator.instance().load(RunnerOutput.SCHEMA_FILE);
    private static final RunEnvironment ENVIRONMENT = new RunEnvironment("dev", "0.36.0", "2.7.1");

    @Test
    void namesTheMetricThatBreaksTheSchema() {
        assertThatThrownBy(() -> OutputCheck.seedMetrics(3, Map.of("acc\n", 0.5)))
                .hasMessageContaining("seed 3").hasMessageContaining("acc\n");
        assertThatThrownBy(() -> OutputCheck.seedMetrics(3, Map.of("loss", 2e15)))
                .hasMessageContaining("seed 3: metric loss is 2.0E15");
        assertThatThrownBy(() -> output(Map.of("m".repeat(95), 1.0)))
                .hasMessageContaining("the aggregate: metric name \"" + "m".repeat(95) + "_ci95_");
    }

    /** Seeded random metrics, aggregated as the runner does; the seed is printed so a failure can be replayed. */
    @Test
    void agreesWithTheSchemaOnRandomMetrics() {
        long seed = System.nanoTime();
        System.out.println("OutputCheckTest seed " + seed);
        Random random = new Random(seed);
        String[] names = {"acc", "", "a b", "a\tb", "\u0085", "é", "m".repeat(91), "m".repeat(92), "m".repeat(100),
                "m".repeat(101), "\uD83D\uDE00".repeat(91), "\uD83D\uDE00".repeat(92)};
        double[] values = {0, -1, 0.5, 1e15, -1e15, 1.0000001e15, 1e17, Double.NaN, Double.POSITIVE_INFINITY};
        int accepted = 0;
        for (int trial = 0; trial < 2000; trial++) {
            Map<String, Double> metrics = new TreeMap<>();
            int n = random.nextInt(20) == 0 ? 127 + random.nextInt(3) : random.nextInt(4);
            for (int i = 0; i < n; i++) {
                metrics.put(random.nextInt(3) == 0 ? names[random.nextInt(names.length)] : "metric" + i,
                        random.nextInt(4) == 0 ? values[random.nextInt(values.length)] : random.nextGaussian());
            }
            if (agree(metrics)) {
                accepted++;
            }
        }
        assertThat(accepted).as("some outputs must pass, and some not").isBetween(100, 1900);
    }

    /** Asserts agreement for two seeds reporting {@code metrics}; true when both accept. */
    private static boolean agree(Map<String, Double> metrics) {
        boolean hand;
        try {
            output(metrics);
            hand = true;
        } catch (IllegalStateException e) {
            hand = false;
        }
        List<String> schema = List.of("not JSON: NaN or infinity");
        if (metrics.values().stream().allMatch(Double::isFinite)) {
            schema = EventValidator.describe(SCHEMA.validate(Json.tree(runnerOutput(metrics))));
        }
        assertThat(hand).as("%s: the schema says %s", metrics.keySet(), schema).isEqualTo(schema.isEmpty());
        return hand;
    }

    private static void output(Map<String, Double> metrics) {
        OutputCheck.seedMetrics(1, metrics);
        OutputCheck.seedMetrics(2, metrics);
        OutputCheck.output(runnerOutput(metrics));
    }

    private static RunnerOutput runnerOutput(Map<String, Double> metrics) {
        List<SeedMetrics> perSeed = new ArrayList<>(List.of(new SeedMetrics(1, metrics), new SeedMetrics(2, metrics)));
        return new RunnerOutput(SeedAggregator.aggregate(perSeed), perSeed, ENVIRONMENT);
    }
}
