package org.alignlab.experiments.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class ProbeDataTest {

    private final ProbeParams params = ProbeParams.from(Map.of("nTrain", 400, "nProbe", 300, "nTest", 200));

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        ProbeData a = ProbeData.generate(params, 5);
        ProbeData b = ProbeData.generate(params, 5);
        ProbeData c = ProbeData.generate(params, 6);

        assertThat(a.heldout().inputs()).isDeepEqualTo(b.heldout().inputs());
        assertThat(a.heldout().labels()).isEqualTo(b.heldout().labels());
        assertThat(a.heldout().control()).isEqualTo(b.heldout().control());
        assertThat(Arrays.deepEquals(a.heldout().inputs(), c.heldout().inputs())).isFalse();
    }

    @Test
    void splitsAreDisjointAndSizedButShareTypes() {
        ProbeData data = ProbeData.generate(params, 1);
        Set<String> rows = new HashSet<>();
        Stream.of(data.train(), data.probeTrain(), data.validation(), data.heldout())
                .flatMap(s -> Arrays.stream(s.inputs()))
                .forEach(row -> rows.add(Arrays.toString(row)));

        assertThat(rows).hasSize(400 + 300 + 200 + 200);
        assertThat(data.evaluation(Split.VALIDATION)).isSameAs(data.validation());
        assertThat(data.evaluation(Split.HELDOUT)).isSameAs(data.heldout());
        // 64 types over 300 rows: nearly every type the probes are evaluated on was seen in their training rows.
        Set<Integer> seen = new HashSet<>();
        IntStream.of(data.probeTrain().types()).forEach(seen::add);
        long unseen = IntStream.of(data.validation().types()).filter(t -> !seen.contains(t)).count();
        assertThat(unseen).isLessThan(10);
    }

    @Test
    void controlIsAFixedBalancedLabelPerTypeAndConceptFollowsItsRule() {
        ProbeSample sample = ProbeData.generate(ProbeParams.from(Map.of("nTest", 4000)), 2).validation();
        int typeDims = 8;

        Map<Integer, Integer> controlOfType = new HashMap<>();
        Map<Integer, Integer> propertyOfType = new HashMap<>();
        for (int r = 0; r < sample.size(); r++) {
            int t = sample.types()[r];
            int control = sample.control()[r];
            assertThat(controlOfType.computeIfAbsent(t, k -> control)).isEqualTo(control);
            // c = s_t XOR 1[z₁ > 0], so c XOR 1[z₁ > 0] recovers s_t, which must be one fixed bit per type.
            int property = sample.concept()[r] ^ (sample.inputs()[r][typeDims] > 0 ? 1 : 0);
            assertThat(propertyOfType.computeIfAbsent(t, k -> property)).isEqualTo(property);
            // Without label noise y = 1[(2c − 1) + z₂ > 0].
            double score = (2 * sample.concept()[r] - 1) + sample.inputs()[r][typeDims + 1];
            assertThat(sample.labels()[r]).isEqualTo(score > 0 ? 1 : 0);
        }
        assertThat(controlOfType).hasSize(64);
        assertThat(controlOfType.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(32);
        assertThat(propertyOfType.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(32);
        // The concept is a parity of two balanced bits; over 4000 rows its mean has sd 0.008.
        assertThat(IntStream.of(sample.concept()).average().orElseThrow()).isBetween(0.45, 0.55);
    }

    @Test
    void labelNoiseFlipsThatShareOfLabelsAndChangesNothingElse() {
        Map<String, Object> base = new HashMap<>(Map.of("nTest", 4000));
        ProbeSample clean = ProbeData.generate(ProbeParams.from(base), 3).validation();
        base.put("labelNoise", 0.2);
        ProbeSample noisy = ProbeData.generate(ProbeParams.from(base), 3).validation();

        assertThat(noisy.inputs()).isDeepEqualTo(clean.inputs());
        assertThat(noisy.concept()).isEqualTo(clean.concept());
        long flipped = IntStream.range(0, 4000).filter(r -> noisy.labels()[r] != clean.labels()[r]).count();
        // Binomial(4000, 0.2): mean 800, sd 25.
        assertThat(flipped).isBetween(700L, 900L);
    }
}
