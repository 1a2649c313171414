package org.alignlab.review.claim;

/**
 * The knobs of the statistical review; {@link #DEFAULTS} are the settings calibrated in
 * {@code docs/review-calibration.md}.
 *
 * @param alpha               the false-discovery level for Benjamini–Hochberg and the validation test
 * @param confidence          coverage of the bootstrap interval
 * @param minValidationSeeds  k: seeds a configuration needs on validation before its claim is judged
 * @param heldoutSeeds        fresh seeds each configuration is replicated on at least, on the held-out split
 * @param bootstrapResamples  resamples of the bootstrap interval
 * @param overfitRetention    a significant validation gain of which held-out keeps less than this share (and that
 *                            held-out neither confirms nor covers with its interval) is flagged {@code overfitToProxy}
 */
public record ReviewSettings(
        double alpha,
        double confidence,
        int minValidationSeeds,
        int heldoutSeeds,
        int bootstrapResamples,
        double overfitRetention) {

    /** ExperimentSpec's limit: one replication action carries all of a configuration's fresh seeds. */
    public static final int MAX_SEEDS = 64;

    /** The power the review aims for: what it tells a researcher about seeds, and what held-out replication sizes for. */
    public static final double POWER = 0.8;

    public static final ReviewSettings DEFAULTS = new ReviewSettings(0.05, 0.95, 5, 10, 2000, 0.5);

    public ReviewSettings withSeeds(int minValidationSeeds, int heldoutSeeds) {
        return new ReviewSettings(alpha, confidence, minValidationSeeds, heldoutSeeds, bootstrapResamples,
                overfitRetention);
    }

    public ReviewSettings {
        if (!(alpha > 0 && alpha < 1) || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("alpha and confidence must lie in (0, 1)");
        }
        if (minValidationSeeds < 2 || heldoutSeeds < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 seeds per configuration");
        }
        if (minValidationSeeds > MAX_SEEDS || heldoutSeeds > MAX_SEEDS) {
            throw new IllegalArgumentException("an experiment spec carries at most " + MAX_SEEDS + " seeds");
        }
        if (bootstrapResamples < 100 || !(overfitRetention > 0 && overfitRetention <= 1)) {
            throw new IllegalArgumentException("at least 100 resamples and an overfit retention in (0, 1]");
        }
    }
}
