package org.alignlab.experiments.w2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.junit.jupiter.api.Test;

class W2sParamsTest {

    @Test
    void defaults() {
        W2sParams p = W2sParams.from(Map.of());

        assertThat(p).isEqualTo(new W2sParams(2000, 2000, 20, 5, 4, 1.0, 0.5, 4, 64, 15, 0.01, 64, 0.0));
    }

    @Test
    void pretrainedDimsFollowLatentDimsUnlessSet() {
        assertThat(W2sParams.from(Map.of("latentDims", 6)).pretrainedDims()).isEqualTo(6);
        assertThat(W2sParams.from(Map.of("latentDims", 6, "pretrainedDims", 0)).pretrainedDims()).isZero();
    }

    @Test
    void acceptsJsonNumbersOfEitherKind() {
        W2sParams p = W2sParams.from(Map.of("epochs", 3.0, "learningRate", 1, "auxLossAlpha", 0.25));

        assertThat(p.epochs()).isEqualTo(3);
        assertThat(p.learningRate()).isEqualTo(1.0);
        assertThat(p.auxLossAlpha()).isEqualTo(0.25);
    }

    @Test
    void unknownParamIsNamed() {
        assertThatThrownBy(() -> W2sParams.from(Map.of("epoch", 3)))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessageContaining("unknown param epoch");
    }

    @Test
    void wrongTypeOrRangeIsNamed() {
        assertThatThrownBy(() -> W2sParams.from(Map.of("hidden", 1.5)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("hidden");
        assertThatThrownBy(() -> W2sParams.from(Map.of("epochs", "ten")))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> W2sParams.from(Map.of("auxLossAlpha", 1.5)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("auxLossAlpha");
        assertThatThrownBy(() -> W2sParams.from(Map.of("features", 8, "weakFeatures", 8)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("weakFeatures");
    }
}
