package org.alignlab.experiments.overopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.junit.jupiter.api.Test;

class OveroptParamsTest {

    @Test
    void defaults() {
        assertThat(OveroptParams.from(Map.of()))
                .isEqualTo(new OveroptParams(8, 0.5, 64, 0.5, 400, 256, 32, 100, 0.01, 16));
    }

    @Test
    void batchSizeDefaultsToAtMostTheProxySamples() {
        assertThat(OveroptParams.from(Map.of("proxySamples", 8)).batchSize()).isEqualTo(8);
        assertThatThrownBy(() -> OveroptParams.from(Map.of("proxySamples", 8, "batchSize", 9)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("batchSize");
    }

    @Test
    void unknownMistypedOrOutOfRangeParamIsNamed() {
        assertThatThrownBy(() -> OveroptParams.from(Map.of("n", 4)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("unknown param n");
        assertThatThrownBy(() -> OveroptParams.from(Map.of("maxN", 1)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("maxN");
        assertThatThrownBy(() -> OveroptParams.from(Map.of("labelNoise", "high")))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("labelNoise");
        assertThatThrownBy(() -> OveroptParams.from(Map.of("prompts", 100_000, "maxN", 4096)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("prompts × maxN");
    }
}
