package org.alignlab.experiments.w2s;

import java.util.Random;

/**
 * A synthetic binary task in which every feature is a noisy view of a few latent factors, and the label is a
 * function of the latent factors.
 *
 * <p>Drawn once per seed: loadings A (features × latentDims, entries N(0, 1)) and a unit direction v in latent
 * space. Each example then draws latent factors h ~ N(0, I), features x = A·h + noise·ε with ε ~ N(0, I), and the
 * label y = 1[v·h + nonlinearity·h₁·h₂ &gt; 0]. Features are standardised by their population standard deviation.
 *
 * <p>So the label depends on all features, linearly and nonlinearly, through h. A model that sees few features
 * recovers h only roughly and its errors follow the noise in those features; a model that sees all features
 * averages that noise away and can learn the product term. That gap is what weak-to-strong supervision tries to
 * recover.
 */
final class LatentTask {

    private final double[][] loadings;
    private final double[] direction;
    private final double[] featureScale;
    private final double noise;
    private final double nonlinearity;

    private LatentTask(double[][] loadings, double[] direction, double noise, double nonlinearity) {
        this.loadings = loadings;
        this.direction = direction;
        this.noise = noise;
        this.nonlinearity = nonlinearity;
        this.featureScale = new double[loadings.length];
        for (int i = 0; i < loadings.length; i++) {
            double variance = noise * noise;
            for (double a : loadings[i]) {
                variance += a * a;
            }
            featureScale[i] = Math.sqrt(variance);
        }
    }

    static LatentTask draw(Random rng, int features, int latentDims, double noise, double nonlinearity) {
        double[][] loadings = new double[features][latentDims];
        for (double[] row : loadings) {
            for (int j = 0; j < latentDims; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[] direction = new double[latentDims];
        double norm = 0;
        for (int j = 0; j < latentDims; j++) {
            direction[j] = rng.nextGaussian();
            norm += direction[j] * direction[j];
        }
        for (int j = 0; j < latentDims; j++) {
            direction[j] /= Math.sqrt(norm);
        }
        return new LatentTask(loadings, direction, noise, nonlinearity);
    }

    Sample sample(Random rng, int rows) {
        int features = loadings.length;
        int latentDims = direction.length;
        float[][] x = new float[rows][features];
        int[] y = new int[rows];
        double[] h = new double[latentDims];
        for (int r = 0; r < rows; r++) {
            double score = 0;
            for (int j = 0; j < latentDims; j++) {
                h[j] = rng.nextGaussian();
                score += direction[j] * h[j];
            }
            score += nonlinearity * h[0] * h[1];
            y[r] = score > 0 ? 1 : 0;
            for (int i = 0; i < features; i++) {
                double value = noise * rng.nextGaussian();
                for (int j = 0; j < latentDims; j++) {
                    value += loadings[i][j] * h[j];
                }
                x[r][i] = (float) (value / featureScale[i]);
            }
        }
        return new Sample(x, y);
    }
}
