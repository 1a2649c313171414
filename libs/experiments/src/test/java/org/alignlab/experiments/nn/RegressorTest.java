package org.alignlab.experiments.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressorTest {

    private static final TrainSettings SETTINGS = new TrainSettings(60, 0.05, 16, 7, 0.0);

    @Test
    void linearRegressionRecoversALinearFunction() {
        float[][] x = inputs(200, new Random(1));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2 * x[i][0] - x[i][1] + 0.5f;
        }

        try (Regressor model = Regressor.train(Regressor.linear(), x, y, SETTINGS)) {
            float[] at = model.predict(new float[][] {{0, 0}, {1, 0}, {0, 1}});
            // Noise-free targets: Adam with a fixed step settles within a few hundredths of the exact solution.
            assertThat((double) at[0]).isCloseTo(0.5, within(0.05));
            assertThat((double) at[1]).isCloseTo(2.5, within(0.05));
            assertThat((double) at[2]).isCloseTo(-0.5, within(0.05));
        }
    }

    @Test
    void sameSeedSameModel() {
        float[][] x = inputs(64, new Random(2));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] * x[i][1];
        }
        float[][] probe = inputs(5, new Random(3));

        float[] first;
        try (Regressor model = Regressor.train(Regressor.mlp(8, 2), x, y, SETTINGS)) {
            first = model.predict(probe);
        }
        try (Regressor model = Regressor.train(Regressor.mlp(8, 2), x, y, SETTINGS)) {
            assertThat(model.predict(probe)).containsExactly(first);
        }
    }

    private static float[][] inputs(int rows, Random rng) {
        float[][] x = new float[rows][2];
        for (float[] row : x) {
            row[0] = (float) rng.nextGaussian();
            row[1] = (float) rng.nextGaussian();
        }
        return x;
    }
}
