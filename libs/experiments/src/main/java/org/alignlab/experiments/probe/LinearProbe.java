package org.alignlab.experiments.probe;

import org.alignlab.experiments.nn.Classifier;
import org.alignlab.experiments.nn.TrainSettings;

/**
 * A linear probe: binary logistic regression ({@link Classifier#logistic()}), trained with DJL (Adam), on one
 * layer's activations standardised with the probe training set's mean and standard deviation per unit (units of a
 * ReLU layer differ in scale by orders of magnitude, which would otherwise make one learning rate wrong for most of
 * them).
 */
final class LinearProbe {

    private LinearProbe() {
    }

    /** The probe's accuracy on {@code eval} after training on {@code train}. */
    static double accuracy(float[][] train, int[] trainLabels, float[][] eval, int[] evalLabels,
            TrainSettings settings) {
        Standardiser standardiser = Standardiser.fit(train);
        try (Classifier probe = Classifier.train(Classifier.logistic(), standardiser.apply(train), trainLabels, 2,
                settings)) {
            int[] predicted = probe.predict(standardiser.apply(eval));
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == evalLabels[i]) {
                    correct++;
                }
            }
            return correct / (double) predicted.length;
        }
    }

    /** Per-column centring and scaling; a constant column (a dead ReLU unit) is only centred. */
    private record Standardiser(double[] mean, double[] scale) {

        static Standardiser fit(float[][] rows) {
            int width = rows[0].length;
            double[] mean = new double[width];
            double[] scale = new double[width];
            for (float[] row : rows) {
                for (int i = 0; i < width; i++) {
                    mean[i] += row[i] / (double) rows.length;
                }
            }
            for (float[] row : rows) {
                for (int i = 0; i < width; i++) {
                    scale[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / rows.length;
                }
            }
            for (int i = 0; i < width; i++) {
                scale[i] = scale[i] > 1e-12 ? Math.sqrt(scale[i]) : 1.0;
            }
            return new Standardiser(mean, scale);
        }

        float[][] apply(float[][] rows) {
            float[][] out = new float[rows.length][mean.length];
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < mean.length; i++) {
                    out[r][i] = (float) ((rows[r][i] - mean[i]) / scale[i]);
                }
            }
            return out;
        }
    }
}
