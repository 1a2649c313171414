package org.alignlab.review.stats;

import java.util.List;

/**
 * Candidate against baseline on one split, oriented so that a positive {@code gain} is an improvement.
 *
 * @param gain              mean(candidate) − mean(baseline), in the metric's units, after orientation
 * @param interval          bootstrap percentile interval for {@code gain}: [lo, hi]
 * @param probabilityOfGain share of bootstrap resamples in which the candidate's mean beats the baseline's
 * @param pValue            Welch's two-sided p-value
 * @param hedgesG           standardized effect (Hedges' g); null when both samples are constant
 */
public record Comparison(
        int candidateN,
        int baselineN,
        double candidateMean,
        double baselineMean,
        double gain,
        List<Double> interval,
        double probabilityOfGain,
        double welchT,
        double pValue,
        Double cohensD,
        Double hedgesG) {

    /** Compares two samples already oriented so that higher is better. */
    public static Comparison of(double[] candidate, double[] baseline, double confidence, int resamples, long seed) {
        WelchTest.Result welch = WelchTest.test(candidate, baseline);
        BootstrapInterval.Result bootstrap = BootstrapInterval.differenceOfMeans(candidate, baseline, confidence,
                resamples, seed);
        EffectSize effect = EffectSize.of(candidate, baseline);
        return new Comparison(candidate.length, baseline.length, Samples.mean(candidate), Samples.mean(baseline),
                welch.difference(), List.of(bootstrap.lo(), bootstrap.hi()), bootstrap.shareAboveZero(), welch.t(),
                welch.pValue(), effect.cohensD(), effect.hedgesG());
    }
}
