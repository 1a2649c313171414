package org.alignlab.review.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two one-sided Welch tests (TOST) of whether a difference lies within ±margin, the smallest effect of interest.
 * A difference that is not significant is absence of evidence; equivalence is evidence of absence: both
 * "difference ≤ −margin" and "difference ≥ +margin" are rejected at α, which is the same as the (1 − 2α) interval
 * lying inside (−margin, +margin). Welch's degrees of freedom, for the reason {@link WelchTest} gives.
 */
public final class EquivalenceTest {

    private EquivalenceTest() {
    }

    /**
     * @param difference mean(candidate) − mean(baseline)
     * @param margin     the equivalence margin δ
     * @param pValue     the larger of the two one-sided p-values: equivalent at α when below it
     * @param lo         lower end of the (1 − 2α) interval for the difference
     * @param hi         upper end: the largest difference the data still allow at this level, the effect that
     *                   could be hiding behind a result that is not significant
     */
    public record Result(double difference, double margin, double pValue, double lo, double hi) {

        public boolean equivalent(double alpha) {
            return pValue < alpha;
        }
    }

    /** Samples oriented as for {@link WelchTest}; {@code alpha} sets the interval's level (1 − 2α). */
    public static Result test(double[] candidate, double[] baseline, double margin, double alpha) {
        Samples.requireAtLeastTwo(candidate, baseline);
        if (!(margin > 0) || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("an equivalence margin > 0 and α in (0, 0.5), got " + margin + ", "
                    + alpha);
        }
        double difference = Samples.mean(candidate) - Samples.mean(baseline);
        double vc = Samples.variance(candidate) / candidate.length;
        double vb = Samples.variance(baseline) / baseline.length;
        double se = Math.sqrt(vc + vb);
        if (se == 0) {
            // Two constant samples: the difference is known exactly.
            boolean inside = Math.abs(difference) < margin;
            return new Result(difference, margin, inside ? 0.0 : 1.0, difference, difference);
        }
        double df = (vc + vb) * (vc + vb) / (vc * vc / (candidate.length - 1) + vb * vb / (baseline.length - 1));
        TDistribution t = new TDistribution(null, df);
        double pAboveLower = 1 - t.cumulativeProbability((difference + margin) / se);
        double pBelowUpper = t.cumulativeProbability((difference - margin) / se);
        double halfWidth = t.inverseCumulativeProbability(1 - alpha) * se;
        return new Result(difference, margin, Math.max(pAboveLower, pBelowUpper), difference - halfWidth,
                difference + halfWidth);
    }
}
