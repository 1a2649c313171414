package org.alignlab.review.calibration;

/**
 * What the harness plants. Each planted goal has {@code nullClaims} candidates identical to the baseline,
 * {@code trueClaims} candidates better by {@code effect} standard deviations on every split,
 * {@code proxyClaims} candidates better by {@code effect} on validation only (a gain that is an artefact of the
 * proxy and is absent on held-out), and {@code marginalClaims} candidates better by exactly the smallest effect of
 * interest on every split (a real effect that must not be called "no effect"). All claims of a goal share one
 * baseline, as the claims of a round do.
 *
 * @param goals          planted goals
 * @param effect         the planted true effect, in standard deviations of the per-seed metric (Cohen's d)
 * @param mean           the baseline's mean metric (a PGR-like value)
 * @param sd             the per-seed standard deviation of the metric
 * @param smallestEffect the smallest effect of interest, in the metric's units (the reviewer's equivalence margin)
 */
public record CalibrationPlan(
        int goals,
        int nullClaims,
        int trueClaims,
        int proxyClaims,
        int marginalClaims,
        double effect,
        double mean,
        double sd,
        double smallestEffect,
        Noise noise,
        long seed) {

    /**
     * The documented default: 2,000 goals of 2 null, 2 true, 1 proxy-only and 2 marginal claims; d = 2, PGR
     * 0.5 ± 0.05, and weak-to-strong's smallest effect of interest on PGR, 0.05 (one standard deviation).
     */
    public static CalibrationPlan defaults() {
        return new CalibrationPlan(2000, 2, 2, 1, 2, 2.0, 0.5, 0.05, 0.05, Noise.NORMAL, 20261127L);
    }

    /** The marginal claims' effect in standard deviations. */
    public double marginalEffect() {
        return smallestEffect / sd;
    }

    public CalibrationPlan withGoals(int goals) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, marginalClaims, effect, mean, sd,
                smallestEffect, noise, seed);
    }

    public CalibrationPlan withEffect(double effect) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, marginalClaims, effect, mean, sd,
                smallestEffect, noise, seed);
    }

    public CalibrationPlan withNoise(Noise noise) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, marginalClaims, effect, mean, sd,
                smallestEffect, noise, seed);
    }

    public CalibrationPlan withSeed(long seed) {
        return new CalibrationPlan(goals, nullClaims, trueClaims, proxyClaims, marginalClaims, effect, mean, sd,
                smallestEffect, noise, seed);
    }
}
