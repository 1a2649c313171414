package org.alignlab.experiments.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    @Test
    void logisticRegressionSeparatesALinearlySeparableSet() {
        Random rng = new Random(4);
        float[][] x = new float[300][2];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = (float) rng.nextGaussian();
            x[i][1] = (float) rng.nextGaussian();
            y[i] = x[i][0] + 0.5 * x[i][1] > 0 ? 1 : 0;
        }

        TrainSettings settings = new TrainSettings(20, 0.05, 32, 1, 0);
        try (Classifier model = Classifier.train(Classifier.logistic(), x, y, 2, settings)) {
            int[] predicted = model.predict(x);
            int correct = 0;
            for (int i = 0; i < y.length; i++) {
                correct += predicted[i] == y[i] ? 1 : 0;
            }
            // Separable without noise: only rows within a hair of the boundary can be misclassified.
            assertThat(correct).isGreaterThan(285);
        }
    }

    @Test
    void hiddenActivationsAreEachReluLayerInOrder() {
        float[][] x = {{1, -1, 0.5f}, {0, 2, -1}, {-3, 0, 1}};
        try (Classifier model = Classifier.train(Classifier.mlp(5, 3, 2), x, new int[] {0, 1, 1}, 2,
                new TrainSettings(2, 0.01, 3, 1, 0))) {
            List<float[][]> layers = model.hiddenActivations(x);

            assertThat(layers).hasSize(3);
            for (float[][] layer : layers) {
                assertThat(layer).hasDimensions(3, 5);
                for (float[] row : layer) {
                    for (float unit : row) {
                        assertThat(unit).isGreaterThanOrEqualTo(0f);
                    }
                }
            }
            assertThat(model.hiddenActivations(x).get(2)).isDeepEqualTo(layers.get(2));
        }
    }
}
