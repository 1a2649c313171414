package org.alignlab.review.calibration;

import org.apache.commons.math3.random.RandomGenerator;

/** How a planted configuration's per-seed metric scatters around its mean, in units of its standard deviation. */
public enum Noise {
    /** Gaussian: what Welch's test assumes. */
    NORMAL,
    /** Student's t with 3 degrees of freedom, rescaled to unit variance: heavy tails, outlier seeds. */
    HEAVY_TAILED;

    double draw(RandomGenerator random) {
        if (this == NORMAL) {
            return random.nextGaussian();
        }
        // t3 = Z / √(χ²₃ / 3) with χ²₃ a sum of three squared normals; Var(t3) = 3, so divide by √3.
        double chiSquared = 0;
        for (int i = 0; i < 3; i++) {
            double z = random.nextGaussian();
            chiSquared += z * z;
        }
        return random.nextGaussian() / Math.sqrt(chiSquared / 3) / Math.sqrt(3);
    }
}
