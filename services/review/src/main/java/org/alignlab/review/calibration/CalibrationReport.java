package org.alignlab.review.calibration;

import java.util.Locale;

/**
 * What the harness measured. A rate comes with its Wilson 95% interval, so a reader can tell a real miss from
 * the noise of a finite number of trials.
 *
 * @param falsePositives  null claims ACCEPTED
 * @param truePositives   true-effect claims ACCEPTED
 * @param proxyAccepted   proxy-only claims ACCEPTED (also false positives: no gain on held-out)
 * @param proxyFlagged    proxy-only claims flagged {@code overfitToProxy}
 */
public record CalibrationReport(
        CalibrationPlan plan,
        int nullClaims,
        int falsePositives,
        int nullsFlaggedOverfit,
        int trueClaims,
        int truePositives,
        int trueRejected,
        int proxyClaims,
        int proxyAccepted,
        int proxyFlagged) {

    public double falsePositiveRate() {
        return rate(falsePositives, nullClaims);
    }

    public double power() {
        return rate(truePositives, trueClaims);
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
                planted: %d goals x (%d null, %d true, %d proxy-only) claims; effect d = %.2f; metric %.3f ± %.3f \
                per seed (%s noise); seed %d
                false-positive rate  %s   (null claims ACCEPTED; %d of them flagged overfitToProxy)
                power                %s   (true-effect claims ACCEPTED; %d REJECTED)
                proxy-only accepted  %s   (validation-only gains ACCEPTED: also false positives)
                proxy-only flagged   %s   (validation-only gains flagged overfitToProxy)""",
                plan.goals(), plan.nullClaims(), plan.trueClaims(), plan.proxyClaims(), plan.effect(), plan.mean(),
                plan.sd(), plan.noise().name().toLowerCase(Locale.ROOT), plan.seed(),
                line(falsePositives, nullClaims), nullsFlaggedOverfit, line(truePositives, trueClaims), trueRejected,
                line(proxyAccepted, proxyClaims), line(proxyFlagged, proxyClaims));
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
