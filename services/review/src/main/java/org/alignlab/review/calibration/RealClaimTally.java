package org.alignlab.review.calibration;

import org.alignlab.review.stats.Comparison;

/**
 * What the reviewer decided on the planted claims of one candidate configuration against its family's baseline.
 *
 * @param nullClaim  whether the candidate is the baseline's own configuration: every difference is seed noise
 * @param measured   the candidate's whole held-out pool against the baseline's: the effect the claims sample, as near
 *                   to the truth as the pools allow (for a pooled null, the copy's pool against the defaults')
 * @param rejected   all REJECTED, whichever the reason
 * @param equivalent REJECTED as equivalent to the baseline within the smallest effect of interest
 * @param harm       REJECTED for a significant held-out loss
 */
public record RealClaimTally(
        String family,
        String candidate,
        boolean nullClaim,
        Comparison measured,
        int claims,
        int accepted,
        int rejected,
        int equivalent,
        int harm,
        int inconclusive,
        int overfitToProxy,
        int belowSmallestEffect) {

    public double acceptedRate() {
        return claims == 0 ? 0 : accepted / (double) claims;
    }

    public double rejectedRate() {
        return claims == 0 ? 0 : rejected / (double) claims;
    }

    /** Wilson 95% interval of the share ACCEPTED. */
    public double[] acceptedInterval() {
        return CalibrationReport.wilson(accepted, claims);
    }

    /** Wilson 95% interval of the share REJECTED. */
    public double[] rejectedInterval() {
        return CalibrationReport.wilson(rejected, claims);
    }
}
