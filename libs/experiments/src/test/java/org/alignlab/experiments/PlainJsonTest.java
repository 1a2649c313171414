package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.experiments.stats.SeedAggregator;
import org.junit.jupiter.api.Test;

/** {@link PlainJson} against {@code Json.mapper()}, which it stands in for in the runner. */
class PlainJsonTest {

    @Test
    void readsWhatTheMapperReadsWithTheSameTypes() throws Exception {
        for (String json : List.of("{\"a\": 1, \"b\": [2147483648, 9223372036854775808, 1.5, 1e2, -0.0], \"c\":"
                + " {\"d\": null, \"e\": true, \"f\": false, \"g\": \"h\\u00e9\\n\"}}", "[]", "\"x\"", "3", "null")) {
            Object mine = PlainJson.read(json);
            Object jackson = Json.mapper().readValue(json, Object.class);
            assertThat(mine).as(json).isEqualTo(jackson);
            assertThat(String.valueOf(types(mine))).isEqualTo(String.valueOf(types(jackson)));
        }
        assertThat(PlainJson.read("  ")).isSameAs(PlainJson.NOTHING);
    }

    @Test
    void refusesWhatTheMapperRefuses() {
        for (String json : List.of("{\"a\": 1, \"a\": 2}", "{\"a\": 1} {}", "{\"a\": 1", "[".repeat(40)
                + "]".repeat(40), "{\"a\": 1" + "0".repeat(200) + "}", "{a: 1}", "NaN")) {
            assertThatThrownBy(() -> Json.mapper().readValue(json, Object.class)).as(json)
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> PlainJson.read(json)).as(json).isInstanceOf(IOException.class);
        }
    }

    /** Seeded random outputs; the seed is printed so a failure can be replayed. */
    @Test
    void writesWhatTheMapperWrites() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PlainJsonTest seed " + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            List<SeedMetrics> perSeed = new ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(4); s++) {
                Map<String, Double> metrics = new TreeMap<>();
                for (int m = 0; m < random.nextInt(6); m++) {
                    double[] values = {random.nextGaussian(), 0, -0.0, 1e15, 1e-300, 123456789.125, -7};
                    metrics.put(m % 2 == 0 ? "m" + m : "é\"\\ \t" + m, values[random.nextInt(values.length)]);
                }
                perSeed.add(new SeedMetrics(random.nextInt(), metrics));
            }
            RunEnvironment environment = random.nextBoolean() ? new RunEnvironment("1.0 \"dev\"", "0.36.0", "2.7.1")
                    : new RunEnvironment("dev", null, null);
            RunnerOutput output = new RunnerOutput(SeedAggregator.aggregate(perSeed), perSeed, environment);

            assertThat(PlainJson.write(output)).isEqualTo(Json.write(output));
        }
    }

    private static Object types(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> types = new TreeMap<>();
            map.forEach((k, v) -> types.put(k, types(v)));
            return types;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlainJsonTest::types).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
