package org.alignlab.review.stats;

/** Mean and variance of a sample, in one place so every statistic agrees on them. */
public final class Samples {

    private Samples() {
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The unbiased (n − 1) variance; 0 for a single value. */
    public static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1);
    }

    static void requireAtLeastTwo(double[] candidate, double[] baseline) {
        if (candidate.length < 2 || baseline.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values, got " + candidate.length
                    + " and " + baseline.length);
        }
    }
}
