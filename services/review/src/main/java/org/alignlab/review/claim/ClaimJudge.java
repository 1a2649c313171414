package org.alignlab.review.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.review.stats.Comparison;

/**
 * The verdict rule, on oriented comparisons (positive gain = the candidate improves on the baseline):
 * <ul>
 *   <li>ACCEPTED: on held-out, the BH-adjusted p is below α, the gain is positive and the bootstrap interval lies
 *       above zero. Held-out alone decides, because ideation chose the candidate by its validation numbers;</li>
 *   <li>REJECTED: on held-out the gain is zero or negative, or the claim overfits the proxy: validation showed a
 *       significant gain of which held-out keeps less than {@code overfitRetention}, that is not significant on
 *       held-out even before adjustment, and whose size lies above the held-out bootstrap interval;</li>
 *   <li>INCONCLUSIVE: otherwise: a held-out gain too small for these seeds to tell from noise.</li>
 * </ul>
 * The score is the bootstrap probability that the candidate beats the baseline on held-out data.
 */
final class ClaimJudge {

    private final ReviewSettings settings;

    ClaimJudge(ReviewSettings settings) {
        this.settings = settings;
    }

    ClaimJudgement judge(ClaimEvidence evidence, Comparison validation, Comparison heldout, double adjustedP,
            int familySize) {
        boolean significant = adjustedP < settings.alpha();
        boolean accepted = significant && heldout.gain() > 0 && heldout.interval().get(0) > 0;
        boolean validationGain = validation.gain() > 0 && validation.pValue() < settings.alpha();
        // Shrinkage alone is expected (ideation picked the candidate by its validation numbers); the gain has
        // vanished when held-out data also rule the validation gain out.
        boolean overfit = validationGain && !accepted
                && (heldout.gain() <= 0 || heldout.pValue() >= settings.alpha())
                && heldout.gain() < settings.overfitRetention() * validation.gain()
                && heldout.interval().get(1) < validation.gain();
        List<String> flags = new ArrayList<>(List.of(ClaimJudgement.REPLICATED));
        if (overfit) {
            flags.add(ClaimJudgement.OVERFIT_TO_PROXY);
        }
        if (significant && heldout.gain() < 0) {
            flags.add(ClaimJudgement.SIGNIFICANT_HARM);
        }
        ReviewVerdict verdict = accepted ? ReviewVerdict.ACCEPTED
                : heldout.gain() <= 0 || overfit ? ReviewVerdict.REJECTED : ReviewVerdict.INCONCLUSIVE;
        double sign = evidence.higherIsBetter() ? 1 : -1;
        List<Double> interval = evidence.higherIsBetter() ? heldout.interval()
                : List.of(-heldout.interval().get(1), -heldout.interval().get(0));
        String rationale = evidenceText(evidence, validation, heldout, adjustedP, familySize) + " "
                + reason(verdict, overfit, significant, heldout);
        return new ClaimJudgement(evidence.claimId(), verdict, heldout.probabilityOfGain(), sign * heldout.gain(),
                interval, heldout.pValue(), adjustedP, rationale, List.copyOf(flags), validation, heldout);
    }

    private String evidenceText(ClaimEvidence e, Comparison validation, Comparison heldout, double adjustedP,
            int familySize) {
        String direction = e.higherIsBetter() ? "higher" : "lower";
        return String.format(Locale.ROOT,
                "Claim: the candidate improves %s (%s is better) over the baseline. Held-out replication on fresh "
                        + "seeds (%d candidate, %d baseline): gain %+.4g (%.0f%% bootstrap interval [%.4g, %.4g]), "
                        + "Welch t = %.3g, p = %.3g, Benjamini–Hochberg adjusted p = %.3g across %d claim(s) of the "
                        + "goal, Hedges' g = %s. Validation (%d and %d seeds): gain %+.4g, p = %.3g, Hedges' g = %s.",
                e.metric(), direction, heldout.candidateN(), heldout.baselineN(), heldout.gain(),
                settings.confidence() * 100, heldout.interval().get(0), heldout.interval().get(1), heldout.welchT(),
                heldout.pValue(), adjustedP, familySize, format(heldout.hedgesG()), validation.candidateN(),
                validation.baselineN(), validation.gain(), validation.pValue(), format(validation.hedgesG()));
    }

    private String reason(ReviewVerdict verdict, boolean overfit, boolean significant, Comparison heldout) {
        if (verdict == ReviewVerdict.ACCEPTED) {
            return String.format(Locale.ROOT, "ACCEPTED: the held-out gain is significant at α = %.3g after "
                    + "adjustment and its interval excludes zero.", settings.alpha());
        }
        if (overfit) {
            return String.format(Locale.ROOT, "REJECTED, overfit to the proxy: the significant validation gain "
                    + "shrinks below %.0f%% of itself on held-out data, lies above the held-out interval and is not confirmed there.",
                    settings.overfitRetention() * 100);
        }
        if (heldout.gain() <= 0) {
            return significant ? "REJECTED: on held-out data the candidate is significantly worse than the baseline."
                    : "REJECTED: on held-out data the candidate does not improve on the baseline.";
        }
        return String.format(Locale.ROOT, "INCONCLUSIVE: the held-out gain is positive but not significant at "
                + "α = %.3g after adjustment (or its interval reaches zero); more seeds could tell.",
                settings.alpha());
    }

    private static String format(Double value) {
        return value == null ? "undefined (no spread)" : String.format(Locale.ROOT, "%.3g", value);
    }
}
