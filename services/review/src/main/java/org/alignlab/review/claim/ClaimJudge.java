package org.alignlab.review.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.review.stats.Comparison;
import org.alignlab.review.stats.EquivalenceTest;
import org.alignlab.review.stats.SeedsForPower;

/**
 * The verdict rule, on oriented comparisons (positive gain = the candidate improves on the baseline):
 * <ul>
 *   <li>ACCEPTED: on held-out, the BH-adjusted p is below α, the gain is positive and the bootstrap interval lies
 *       above zero. Held-out alone decides, because ideation chose the candidate by its validation numbers;</li>
 *   <li>REJECTED only on evidence against the claim: significant harm (the adjusted p below α with a negative
 *       gain), or equivalence, that is no effect of interest (two one-sided tests at α show the held-out difference
 *       within ± the family's smallest effect of interest);</li>
 *   <li>INCONCLUSIVE: otherwise, including a held-out gain of zero or below that the seeds cannot tell from an
 *       effect of interest. The rationale says how large an effect could still be hiding: the upper end of the
 *       (1 − 2α) interval.</li>
 * </ul>
 * A claim is flagged {@code overfitToProxy} when validation showed a significant gain of which held-out keeps less
 * than {@code overfitRetention}, that is not significant on held-out even before adjustment, and whose size lies
 * above the held-out bootstrap interval. The flag says the validation gain was inflated; it is no evidence that a
 * smaller effect of interest is absent, so on its own it leaves the claim INCONCLUSIVE.
 * A gain that is zero or negative is absence of evidence, not evidence of absence; calling it REJECTED would tell
 * researchers an idea does not work when the run was merely too small to see it.
 * The score is the bootstrap probability that the candidate beats the baseline on held-out data.
 */
final class ClaimJudge {

    private final ReviewSettings settings;

    ClaimJudge(ReviewSettings settings) {
        this.settings = settings;
    }

    ClaimJudgement judge(ClaimEvidence evidence, Comparison validation, Comparison heldout,
            EquivalenceTest.Result equivalence, double adjustedP, int familySize) {
        boolean significant = adjustedP < settings.alpha();
        boolean accepted = significant && heldout.gain() > 0 && heldout.interval().get(0) > 0;
        boolean harm = significant && heldout.gain() < 0;
        boolean equivalent = !accepted && equivalence.equivalent(settings.alpha());
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
        if (harm) {
            flags.add(ClaimJudgement.SIGNIFICANT_HARM);
        }
        if (equivalent) {
            flags.add(ClaimJudgement.EQUIVALENT);
        }
        if (accepted && heldout.gain() < evidence.smallestEffect()) {
            flags.add(ClaimJudgement.BELOW_SMALLEST_EFFECT);
        }
        ReviewVerdict verdict = accepted ? ReviewVerdict.ACCEPTED
                : harm || equivalent ? ReviewVerdict.REJECTED : ReviewVerdict.INCONCLUSIVE;
        double sign = evidence.higherIsBetter() ? 1 : -1;
        List<Double> interval = evidence.higherIsBetter() ? heldout.interval()
                : List.of(-heldout.interval().get(1), -heldout.interval().get(0));
        String rationale = evidenceText(evidence, validation, heldout, equivalence, adjustedP, familySize) + " "
                + reason(verdict, overfit, harm, equivalent, evidence, heldout, equivalence);
        return new ClaimJudgement(evidence.claimId(), verdict, heldout.probabilityOfGain(), sign * heldout.gain(),
                interval, heldout.pValue(), adjustedP, rationale, List.copyOf(flags), validation, heldout);
    }

    private String evidenceText(ClaimEvidence e, Comparison validation, Comparison heldout,
            EquivalenceTest.Result equivalence, double adjustedP, int familySize) {
        String direction = e.higherIsBetter() ? "higher" : "lower";
        return String.format(Locale.ROOT,
                "Claim: the candidate improves %s (%s is better) over the baseline. Held-out replication on fresh "
                        + "seeds (%d candidate, %d baseline): gain %+.4g (%.0f%% bootstrap interval [%.4g, %.4g]), "
                        + "Welch t = %.3g, p = %.3g, Benjamini–Hochberg adjusted p = %.3g across %d claim(s) of the "
                        + "goal, Hedges' g = %s. Equivalence within ±%.4g, the smallest effect of interest (two "
                        + "one-sided Welch tests): p = %.3g, %.0f%% interval [%.4g, %.4g]. Validation (%d and %d "
                        + "seeds): gain %+.4g, p = %.3g, Hedges' g = %s.",
                e.metric(), direction, heldout.candidateN(), heldout.baselineN(), heldout.gain(),
                settings.confidence() * 100, heldout.interval().get(0), heldout.interval().get(1), heldout.welchT(),
                heldout.pValue(), adjustedP, familySize, format(heldout.hedgesG()), e.smallestEffect(),
                equivalence.pValue(), (1 - 2 * settings.alpha()) * 100, equivalence.lo(), equivalence.hi(),
                validation.candidateN(),
                validation.baselineN(), validation.gain(), validation.pValue(), format(validation.hedgesG()));
    }

    private String reason(ReviewVerdict verdict, boolean overfit, boolean harm, boolean equivalent, ClaimEvidence e,
            Comparison heldout, EquivalenceTest.Result equivalence) {
        if (verdict == ReviewVerdict.ACCEPTED) {
            String accepted = String.format(Locale.ROOT, "ACCEPTED: the held-out gain is significant at α = %.3g "
                    + "after adjustment and its interval excludes zero.", settings.alpha());
            return heldout.gain() < e.smallestEffect()
                    ? accepted + String.format(Locale.ROOT, " The gain is smaller than the smallest effect of "
                            + "interest (%.4g).", e.smallestEffect())
                    : accepted;
        }
        if (harm) {
            return "REJECTED: on held-out data the candidate is significantly worse than the baseline.";
        }
        String overfitText = overfit ? String.format(Locale.ROOT, " The claim is overfit to the proxy: its validation "
                + "gain was significant but shrinks below %.0f%% of itself on held-out data, lies above the held-out "
                + "interval and is not confirmed there.", settings.overfitRetention() * 100) : "";
        if (equivalent) {
            return String.format(Locale.ROOT, "REJECTED, no effect of interest: on held-out data the difference "
                    + "lies within ±%.4g of the baseline (equivalence test p = %.3g).", e.smallestEffect(),
                    equivalence.pValue()) + overfitText;
        }
        int needed = SeedsForPower.perArm(e.heldoutCandidate(), e.heldoutBaseline(), e.smallestEffect(),
                settings.alpha(), ReviewSettings.POWER);
        return String.format(Locale.ROOT, "INCONCLUSIVE, not enough evidence either way: the held-out gain is not "
                + "significant at α = %.3g after adjustment (or its interval reaches zero), and not shown to lie "
                + "within ±%.4g either; an improvement of up to %.4g could still be hiding. At the spread these seeds "
                + "show, detecting an effect of %.4g with %.0f%% power takes about %s held-out seeds per "
                + "configuration; this comparison had %d and %d.", settings.alpha(), e.smallestEffect(),
                Math.max(0, equivalence.hi()), e.smallestEffect(), ReviewSettings.POWER * 100,
                needed == Integer.MAX_VALUE ? "more than any run can give" : String.valueOf(needed),
                heldout.candidateN(), heldout.baselineN()) + overfitText;
    }

    private static String format(Double value) {
        return value == null ? "undefined (no spread)" : String.format(Locale.ROOT, "%.3g", value);
    }
}
