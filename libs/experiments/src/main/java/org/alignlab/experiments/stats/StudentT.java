package org.alignlab.experiments.stats;

/** Two-sided 95% quantiles of Student's t, t(0.975, df), from a table; no statistics library needed for one column. */
public final class StudentT {

    /** t(0.975, df) for df = 1..30. */
    private static final double[] UP_TO_30 = {
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    private StudentT() {
    }

    /**
     * t(0.975, df). Between tabulated points above 30 it takes the quantile of the next lower tabulated df, which is
     * slightly larger than the exact one: the interval errs wide, never narrow.
     */
    public static double quantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + df);
        }
        if (df <= 30) {
            return UP_TO_30[df - 1];
        }
        if (df < 40) {
            return 2.042;
        }
        if (df < 60) {
            return 2.021;
        }
        if (df < 120) {
            return 2.000;
        }
        return 1.980;
    }
}
