package org.alignlab.review.stats;

/**
 * Standardized effect of candidate over baseline. Cohen's d divides the difference of means by the pooled standard
 * deviation; Hedges' g removes d's upward bias at the few seeds a review has, J = 1 − 3 / (4(n1 + n2) − 9).
 * Both are null when both samples are constant (no spread to standardize by).
 */
public record EffectSize(Double cohensD, Double hedgesG) {

    public static EffectSize of(double[] candidate, double[] baseline) {
        Samples.requireAtLeastTwo(candidate, baseline);
        int n1 = candidate.length;
        int n2 = baseline.length;
        double pooled = Math.sqrt(((n1 - 1) * Samples.variance(candidate) + (n2 - 1) * Samples.variance(baseline))
                / (n1 + n2 - 2));
        if (pooled == 0) {
            return new EffectSize(null, null);
        }
        double d = (Samples.mean(candidate) - Samples.mean(baseline)) / pooled;
        double correction = 1 - 3.0 / (4.0 * (n1 + n2) - 9);
        return new EffectSize(d, d * correction);
    }
}
