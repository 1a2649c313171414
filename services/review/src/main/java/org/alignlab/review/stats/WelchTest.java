package org.alignlab.review.stats;

import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test (commons-math3), two-sided. Seeds of two configurations need not share a
 * variance, so the pooled-variance test would be wrong exactly when a configuration is less stable.
 */
public final class WelchTest {

    private static final TTest T_TEST = new TTest();

    private WelchTest() {
    }

    /** @param difference mean(candidate) − mean(baseline) */
    public record Result(double difference, double t, double pValue) {
    }

    public static Result test(double[] candidate, double[] baseline) {
        Samples.requireAtLeastTwo(candidate, baseline);
        double difference = Samples.mean(candidate) - Samples.mean(baseline);
        if (Samples.variance(candidate) == 0 && Samples.variance(baseline) == 0) {
            // commons-math answers NaN here; two constant samples differ with certainty or not at all.
            return new Result(difference, difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference),
                    difference == 0 ? 1.0 : 0.0);
        }
        return new Result(difference, T_TEST.t(candidate, baseline), T_TEST.tTest(candidate, baseline));
    }
}
