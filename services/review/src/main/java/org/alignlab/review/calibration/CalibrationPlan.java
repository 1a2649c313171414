package org.alignlab.review.calibration;

/**
 * What the harness plants. Each planted goal has {@code nullClaims} candidates identical to the baseline,
 * {@code trueClaims} candidates better by {@code effect} standard deviations on every split, and
 * {@code proxyClaims} candidates better by {@code effect} on validation only (a gain that is an artefact of the
 * proxy and is absent on held-out). All claims of a goal share one baseline, as the claims of a round do.
 *
 * @param goals  planted goals
 * @param effect the planted true effect, in standard deviations of the per-seed metric (Cohen's d)
 * @param mean   the baseline's mean metric (a PGR-like value)
 * @param sd     the per-seed standard deviation of the metric
 */
public record CalibrationPlan(
        int goals,
        int nullClaims,
        int trueClaims,
        int proxyClaims,
        double effect,
        double mean,
        double sd,
        Noise noise,
        long seed) {

    /** The documented default: 2,000 goals of 2 null, 2 true and 1 proxy-only claim; d = 2, PGR 0.5 ± 0.05. */
    public static CalibrationPlan defaults() {
        return new CalibrationPlan(2000, 2, 2, 1, 2.0, 0.5, 0.05, Noise.NORMAL, 20261127L);
    }

    public CalibrationPlan withGoals(int goals) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, effect, mean, sd, noise, seed);
    }

    public CalibrationPlan withEffect(double effect) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, effect, mean, sd, noise, seed);
    }

    public CalibrationPlan withNoise(Noise noise) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, effect, mean, sd, noise, seed);
    }

    public CalibrationPlan withSeed(long seed) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, effect, mean, sd, noise, seed);
    }
}
