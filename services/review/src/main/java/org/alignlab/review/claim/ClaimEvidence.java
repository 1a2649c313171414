package org.alignlab.review.claim;

import java.util.UUID;

/**
 * Everything a claim is judged on: one metric's per-seed values of the candidate and of its baseline, on the
 * validation split (what ideation saw) and on the held-out split (fresh seeds, run for review).
 *
 * @param higherIsBetter the metric's direction; a claim is that the candidate improves on the baseline
 */
public record ClaimEvidence(
        UUID claimId,
        String metric,
        boolean higherIsBetter,
        double[] validationCandidate,
        double[] validationBaseline,
        double[] heldoutCandidate,
        double[] heldoutBaseline) {
}
