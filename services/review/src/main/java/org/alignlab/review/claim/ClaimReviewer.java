package org.alignlab.review.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.review.stats.BenjaminiHochberg;
import org.alignlab.review.stats.Comparison;
import org.alignlab.review.stats.EquivalenceTest;

/**
 * Judges a batch of claims of one goal: compares each candidate with its baseline on validation and on held-out,
 * adjusts the held-out p-values with Benjamini–Hochberg together with the goal's earlier claims, and hands each
 * claim to {@link ClaimJudge}. Pure: the service and the calibration harness both call exactly this.
 *
 * <p>Earlier claims keep the verdicts they were published with; a later batch is adjusted against all of the
 * goal's p-values so far, so the adjustment only ever grows stricter as a goal tests more claims.
 */
public final class ClaimReviewer {

    private final ReviewSettings settings;
    private final ClaimJudge judge;

    public ClaimReviewer(ReviewSettings settings) {
        this.settings = settings;
        this.judge = new ClaimJudge(settings);
    }

    public ReviewSettings settings() {
        return settings;
    }

    /**
     * @param batch         the claims to decide now
     * @param earlierPValues held-out p-values of the goal's claims decided before (they count in the family)
     */
    public List<ClaimJudgement> review(List<ClaimEvidence> batch, List<Double> earlierPValues) {
        List<Compared> compared = batch.stream().map(this::compare).toList();
        List<Double> family = new ArrayList<>(earlierPValues);
        compared.stream().filter(Compared::testable).forEach(c -> family.add(c.heldout().pValue()));
        double[] adjusted = BenjaminiHochberg.adjust(family.stream().mapToDouble(Double::doubleValue).toArray());
        int next = earlierPValues.size();
        List<ClaimJudgement> judgements = new ArrayList<>();
        for (Compared c : compared) {
            if (c.testable()) {
                judgements.add(judge.judge(c.evidence(), c.validation(), c.heldout(), c.equivalence(),
                        adjusted[next++], family.size()));
            } else {
                judgements.add(untestable(c));
            }
        }
        return judgements;
    }

    private Compared compare(ClaimEvidence evidence) {
        long seed = evidence.claimId().getMostSignificantBits() ^ evidence.claimId().getLeastSignificantBits();
        Comparison validation = comparable(evidence.validationCandidate(), evidence.validationBaseline(),
                settings.minValidationSeeds())
                        ? compare(evidence, evidence.validationCandidate(), evidence.validationBaseline(), seed) : null;
        boolean replicated = comparable(evidence.heldoutCandidate(), evidence.heldoutBaseline(), 2);
        Comparison heldout = replicated
                ? compare(evidence, evidence.heldoutCandidate(), evidence.heldoutBaseline(), seed + 1) : null;
        EquivalenceTest.Result equivalence = replicated
                ? EquivalenceTest.test(oriented(evidence.heldoutCandidate(), evidence.higherIsBetter()),
                        oriented(evidence.heldoutBaseline(), evidence.higherIsBetter()), evidence.smallestEffect(),
                        settings.alpha())
                : null;
        return new Compared(evidence, validation, heldout, equivalence);
    }

    private Comparison compare(ClaimEvidence evidence, double[] candidate, double[] baseline, long seed) {
        return Comparison.of(oriented(candidate, evidence.higherIsBetter()),
                oriented(baseline, evidence.higherIsBetter()), settings.confidence(),
                settings.bootstrapResamples(), seed);
    }

    private static boolean comparable(double[] candidate, double[] baseline, int atLeast) {
        return candidate != null && baseline != null && candidate.length >= atLeast && baseline.length >= atLeast;
    }

    private static double[] oriented(double[] values, boolean higherIsBetter) {
        double[] copy = values.clone();
        if (!higherIsBetter) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = -copy[i];
            }
        }
        return copy;
    }

    /** Without k validation seeds or a held-out replication there is no test to run: inconclusive, said why. */
    private ClaimJudgement untestable(Compared c) {
        ClaimEvidence e = c.evidence();
        String flag;
        String rationale;
        if (c.validation() == null) {
            flag = ClaimJudgement.TOO_FEW_VALIDATION_SEEDS;
            rationale = String.format(Locale.ROOT, "Not judged: %s needs at least %d validation seeds per "
                    + "configuration, had %d (candidate) and %d (baseline).", e.metric(),
                    settings.minValidationSeeds(), length(e.validationCandidate()), length(e.validationBaseline()));
        } else {
            flag = ClaimJudgement.NOT_REPLICATED;
            rationale = String.format(Locale.ROOT, "Not judged: the held-out replication gave %d (candidate) and "
                    + "%d (baseline) usable seeds of %s, at least 2 each are needed. Validation alone showed a gain "
                    + "of %+.4g (p = %.3g), which held-out data has not confirmed.", length(e.heldoutCandidate()),
                    length(e.heldoutBaseline()), e.metric(), c.validation().gain(), c.validation().pValue());
        }
        return new ClaimJudgement(e.claimId(), ReviewVerdict.INCONCLUSIVE, 0.5, null, null, null, null, rationale,
                List.of(flag), c.validation(), c.heldout());
    }

    private static int length(double[] values) {
        return values == null ? 0 : values.length;
    }

    private record Compared(ClaimEvidence evidence, Comparison validation, Comparison heldout,
            EquivalenceTest.Result equivalence) {
        boolean testable() {
            return validation != null && heldout != null;
        }
    }
}
