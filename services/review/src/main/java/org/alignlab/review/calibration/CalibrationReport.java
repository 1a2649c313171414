package org.alignlab.review.calibration;

import java.util.Locale;

/**
 * What the harness measured. A rate comes with its Wilson 95% interval, so a reader can tell a real miss from
 * the noise of a finite number of trials.
 *
 * @param falsePositives    null claims ACCEPTED
 * @param nullsEquivalent   null claims REJECTED as equivalent to the baseline: evidence of absence, found
 * @param truePositives     true-effect claims ACCEPTED
 * @param trueRejected      true-effect claims REJECTED: an effect called absent or harmful
 * @param proxyAccepted     proxy-only claims ACCEPTED (also false positives: no gain on held-out)
 * @param proxyFlagged      proxy-only claims flagged {@code overfitToProxy}
 * @param proxyRejected     proxy-only claims REJECTED (overfit, or equivalent on held-out)
 * @param marginalAccepted  claims at exactly the smallest effect of interest ACCEPTED: the power there
 * @param marginalRejected  claims at exactly the smallest effect of interest REJECTED: false rejections of an effect
 *                          that matters
 */
public record CalibrationReport(
        CalibrationPlan plan,
        int nullClaims,
        int falsePositives,
        int nullsFlaggedOverfit,
        int nullsEquivalent,
        int trueClaims,
        int truePositives,
        int trueRejected,
        int proxyClaims,
        int proxyAccepted,
        int proxyFlagged,
        int proxyRejected,
        int marginalClaims,
        int marginalAccepted,
        int marginalRejected) {

    public double falsePositiveRate() {
        return rate(falsePositives, nullClaims);
    }

    public double power() {
        return rate(truePositives, trueClaims);
    }

    public double falseRejectionRateAtSmallestEffect() {
        return rate(marginalRejected, marginalClaims);
    }

    public double powerAtSmallestEffect() {
        return rate(marginalAccepted, marginalClaims);
    }

    public double proxyAcceptedRate() {
        return rate(proxyAccepted, proxyClaims);
    }

    public double proxyFlaggedRate() {
        return rate(proxyFlagged, proxyClaims);
    }

    /** Wilson score interval (95%) of {@code hits / n}: [lo, hi]. */
    public static double[] wilson(int hits, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959964;
        double p = hits / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    public String render() {
        return String.format(Locale.ROOT, """
                planted: %d goals x (%d null, %d true, %d proxy-only, %d marginal) claims; effect d = %.2f; metric \
                %.3f ± %.3f per seed (%s noise); smallest effect of interest %.3f (d = %.2f); seed %d
                false-positive rate  %s   (null claims ACCEPTED; %d of them flagged overfitToProxy)
                nulls shown absent   %s   (null claims REJECTED as equivalent within the smallest effect)
                power                %s   (true-effect claims ACCEPTED; %d REJECTED)
                proxy-only accepted  %s   (validation-only gains ACCEPTED: also false positives)
                proxy-only flagged   %s   (validation-only gains flagged overfitToProxy)
                proxy-only rejected  %s   (validation-only gains REJECTED: no effect of interest on held-out)
                false rejections     %s   (claims at exactly the smallest effect of interest REJECTED)
                power at smallest    %s   (claims at exactly the smallest effect of interest ACCEPTED)""",
                plan.goals(), plan.nullClaims(), plan.trueClaims(), plan.proxyClaims(), plan.marginalClaims(),
                plan.effect(), plan.mean(), plan.sd(), plan.noise().name().toLowerCase(Locale.ROOT),
                plan.smallestEffect(), plan.marginalEffect(), plan.seed(), line(falsePositives, nullClaims),
                nullsFlaggedOverfit, line(nullsEquivalent, nullClaims), line(truePositives, trueClaims), trueRejected,
                line(proxyAccepted, proxyClaims), line(proxyFlagged, proxyClaims), line(proxyRejected, proxyClaims),
                line(marginalRejected, marginalClaims), line(marginalAccepted, marginalClaims));
    }

    private static String line(int hits, int n) {
        double[] ci = wilson(hits, n);
        return String.format(Locale.ROOT, "%6.2f %%  (%d / %d; 95%% CI %.2f–%.2f %%)", 100 * rate(hits, n), hits, n,
                100 * ci[0], 100 * ci[1]);
    }

    private static double rate(int hits, int n) {
        return n == 0 ? 0 : hits / (double) n;
    }
}
