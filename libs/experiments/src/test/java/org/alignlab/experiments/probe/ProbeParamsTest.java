package org.alignlab.experiments.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.junit.jupiter.api.Test;

class ProbeParamsTest {

    @Test
    void defaults() {
        assertThat(ProbeParams.from(Map.of()))
                .isEqualTo(new ProbeParams(64, 8, 4, 1.0, 0.0, 4000, 2000, 2000, 64, 2, 20, 0.01, 64, 20));
    }

    @Test
    void unknownMistypedOrOutOfRangeParamIsNamed() {
        assertThatThrownBy(() -> ProbeParams.from(Map.of("layers", 3)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("unknown param layers");
        assertThatThrownBy(() -> ProbeParams.from(Map.of("labelNoise", 0.6)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("labelNoise");
        assertThatThrownBy(() -> ProbeParams.from(Map.of("types", 2.5)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("types");
        assertThatThrownBy(() -> ProbeParams.from(Map.of("nProbe", 50, "batchSize", 51)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("batchSize");
    }
}
