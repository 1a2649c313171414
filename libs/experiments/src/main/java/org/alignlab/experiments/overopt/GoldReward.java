package org.alignlab.experiments.overopt;

import java.util.Random;

/**
 * The true ("gold") reward of a response x ∈ ℝ^d: r(x) = w·x − (κ/2)·(‖x‖² − d), with w a unit direction drawn per
 * seed and κ the curvature. Under the base policy x ~ N(0, I) its mean is 0. Along w it rises, but every response
 * far from the base distribution's centre pays a quadratic penalty: more of a good direction stops being better
 * (the peak along w is at w·x = 1/κ), and pushing any other direction costs without paying. A proxy that gets the
 * direction roughly right and the penalty wrong is rewarded for extremes that the gold reward punishes.
 */
final class GoldReward {

    private final double[] direction;
    private final double curvature;

    private GoldReward(double[] direction, double curvature) {
        this.direction = direction;
        this.curvature = curvature;
    }

    static GoldReward draw(Random rng, int dims, double curvature) {
        double[] w = new double[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            w[i] = rng.nextGaussian();
            norm += w[i] * w[i];
        }
        for (int i = 0; i < dims; i++) {
            w[i] /= Math.sqrt(norm);
        }
        return new GoldReward(w, curvature);
    }

    double of(float[] x) {
        double linear = 0;
        double square = 0;
        for (int i = 0; i < x.length; i++) {
            linear += direction[i] * x[i];
            square += (double) x[i] * x[i];
        }
        return linear - curvature / 2 * (square - x.length);
    }

    int dims() {
        return direction.length;
    }
}
