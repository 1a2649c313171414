package org.alignlab.review.claim;

import java.util.UUID;

/**
 * Everything a claim is judged on: one metric's per-seed values of the candidate and of its baseline, on the
 * validation split (what ideation saw) and on the held-out split (fresh seeds, run for review).
 *
 * @param higherIsBetter the metric's direction; a claim is that the candidate improves on the baseline
 * @param smallestEffect the family's smallest effect of interest on the metric, in its units: a difference within
 *                       ± this is no effect to a researcher (the equivalence margin)
 */
public record ClaimEvidence(
        UUID claimId,
        String metric,
        boolean higherIsBetter,
        double smallestEffect,
        double[] validationCandidate,
        double[] validationBaseline,
        double[] heldoutCandidate,
        double[] heldoutBaseline) {

    public ClaimEvidence {
        if (!(smallestEffect > 0)) {
            throw new IllegalArgumentException("the smallest effect of interest must be > 0, got " + smallestEffect);
        }
    }
}
