package org.alignlab.review.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many seeds per arm a two-sided comparison at α needs to detect a difference of {@code effect} with the given
 * power, from the per-seed variances measured so far: n = (z(1 − α/2) + z(power))² (s²candidate + s²baseline) /
 * effect², the normal approximation to Welch's test. It tells a researcher why a result is inconclusive and what would
 * settle it; it ignores the multiplicity adjustment, so it is a lower bound when a goal tests many claims.
 */
public final class SeedsForPower {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private SeedsForPower() {
    }

    /** @return seeds per arm, at least 2; {@code Integer.MAX_VALUE} when the variance is not finite */
    public static int perArm(double[] candidate, double[] baseline, double effect, double alpha, double power) {
        return perArm(Samples.variance(candidate) + Samples.variance(baseline), effect, alpha, power);
    }

    /**
     * @param varianceSum the two arms' per-seed variances added
     * @return seeds per arm, at least 2; {@code Integer.MAX_VALUE} when the variance is not finite
     */
    public static int perArm(double varianceSum, double effect, double alpha, double power) {
        if (!(effect > 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("effect > 0, α and power in (0, 1), got " + effect + ", " + alpha + ", "
                    + power);
        }
        if (!Double.isFinite(varianceSum)) {
            return Integer.MAX_VALUE;
        }
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2) + NORMAL.inverseCumulativeProbability(power);
        double n = Math.ceil(z * z * varianceSum / (effect * effect));
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, n));
    }
}
