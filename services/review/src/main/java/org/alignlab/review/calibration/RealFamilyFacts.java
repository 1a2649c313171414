package org.alignlab.review.calibration;

/**
 * One family's pools as the calibration used them.
 *
 * @param smallestEffect δ, the family catalogue's smallest effect of interest on the metric
 * @param baselineSd     the per-seed standard deviation of the baseline's held-out values: the σ that δ and the
 *                       effects are measured against
 * @param baselineSeeds  seeds in the baseline's pool per split (both runs of the defaults when nulls are pooled)
 * @param missing        seeds of the family, on either split and in any configuration, that reported no value
 */
public record RealFamilyFacts(String family, String metric, double smallestEffect, double baselineSd,
        int baselineSeeds, int missing) {
}
