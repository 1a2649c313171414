package org.alignlab.review.claim;

import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.review.stats.Comparison;

/**
 * The review's decision on one claim. {@code effect} and {@code interval} are mean(candidate) − mean(baseline) on
 * held-out in the metric's own units; the comparisons are oriented (positive = improvement) and null where the
 * evidence did not allow them.
 */
public record ClaimJudgement(
        UUID claimId,
        ReviewVerdict verdict,
        double score,
        Double effect,
        List<Double> interval,
        Double pValue,
        Double adjustedP,
        String rationale,
        List<String> flags,
        Comparison validation,
        Comparison heldout) {

    public static final String OVERFIT_TO_PROXY = "overfitToProxy";
    public static final String REPLICATED = "replicated-heldout";
    public static final String TOO_FEW_VALIDATION_SEEDS = "too-few-validation-seeds";
    public static final String NOT_REPLICATED = "not-replicated";
    public static final String SIGNIFICANT_HARM = "significant-harm";
    /** REJECTED as no effect: held-out equivalence within ± the smallest effect of interest. */
    public static final String EQUIVALENT = "equivalent-to-baseline";
    /** ACCEPTED, but the gain is smaller than the smallest effect of interest. */
    public static final String BELOW_SMALLEST_EFFECT = "below-smallest-effect";
}
