package org.alignlab.experiments.overopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class OveroptDataTest {

    private final OveroptParams params = OveroptParams.from(Map.of("proxySamples", 50, "prompts", 20, "maxN", 16));

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        OveroptData a = OveroptData.generate(params, 5);
        OveroptData b = OveroptData.generate(params, 5);
        OveroptData c = OveroptData.generate(params, 6);

        assertThat(a.heldout().responses()).isDeepEqualTo(b.heldout().responses());
        assertThat(a.trainLabels()).containsExactly(b.trainLabels());
        assertThat(Arrays.deepEquals(a.heldout().responses(), c.heldout().responses())).isFalse();
    }

    @Test
    void splitsAreDisjointAndSized() {
        OveroptData data = OveroptData.generate(params, 1);
        Set<String> rows = new HashSet<>();
        Stream.of(data.train(), data.validation().responses(), data.heldout().responses())
                .flatMap(Arrays::stream)
                .forEach(row -> rows.add(Arrays.toString(row)));

        assertThat(rows).hasSize(50 + 20 * 16 + 20 * 16);
        assertThat(data.evaluation(Split.VALIDATION)).isSameAs(data.validation());
        assertThat(data.evaluation(Split.HELDOUT)).isSameAs(data.heldout());
    }

    @Test
    void labelsAreGoldPlusNoise() {
        Map<String, Object> base = Map.of("proxySamples", 2000, "prompts", 1, "maxN", 2);
        OveroptData clean = OveroptData.generate(OveroptParams.from(with(base, "labelNoise", 0.0)), 3);
        OveroptData noisy = OveroptData.generate(OveroptParams.from(with(base, "labelNoise", 2.0)), 3);

        double squaredError = 0;
        for (int r = 0; r < 2000; r++) {
            assertThat((double) clean.trainLabels()[r]).isCloseTo(clean.gold().of(clean.train()[r]), within(1e-5));
            squaredError += Math.pow(noisy.trainLabels()[r] - noisy.gold().of(noisy.train()[r]), 2) / 2000;
        }
        // The noise sd is 2, so its mean square is 4; over 2000 draws that estimate has sd 4·√(2/2000) ≈ 0.13.
        assertThat(squaredError).isBetween(3.5, 4.5);
    }

    @Test
    void goldRewardIsCentredUnderTheBasePolicy() {
        Candidates many = OveroptData.generate(OveroptParams.from(Map.of("prompts", 100, "maxN", 100)), 2)
                .validation();

        double mean = Arrays.stream(many.gold()).average().orElseThrow();
        // Gold has variance 1 + κ²·d/2 = 2 at the defaults; the mean of 10,000 draws has sd 0.014.
        assertThat(mean).isCloseTo(0, within(0.06));
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> params = new java.util.HashMap<>(base);
        params.put(name, value);
        return params;
    }
}
