package org.alignlab.review.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;

/**
 * What becomes of a review when a result it covers lies far outside earlier runs of its configuration: it is held
 * for a human. The machine neither accepts nor rejects a claim on such evidence (it may be a discovery or an error,
 * and only a person can tell), so the verdict becomes INCONCLUSIVE, which is what "needs more than the machine" means
 * among the verdicts; a withdrawn review (a quarantined result) stays REJECTED, since quarantine is the stronger
 * finding. Its flags gain {@value #FLAG}, {@code anomalies} carries each comparison (metric, value, history median,
 * spread, runs, robust z), and the rationale says why before the review it holds. The score and statistics stay, as
 * what the claim reported. Pure.
 */
public final class AnomalyHold {

    /** The flag of a held review. */
    public static final String FLAG = "result-anomalous";
    /** Separates the hold's reason from the rationale of the review it holds. */
    static final String BEFORE = "\nReview before the hold: ";
    /** The schema's bound on a rationale. */
    static final int MAX_RATIONALE = 8000;

    private AnomalyHold() {
    }

    /**
     * @param anomalies anomalous results, by action id, each with the comparisons that found it so; may name actions
     *                  the review does not cover
     * @return the review unchanged when none of its results is anomalous (or it is held already), else held
     */
    public static Review apply(Review review, Map<UUID, List<ResultAnomaly>> anomalies) {
        if (review.held()) {
            return review;
        }
        List<ResultAnomaly> found = new ArrayList<>();
        for (UUID actionId : review.actionIds()) {
            found.addAll(anomalies.getOrDefault(actionId, List.of()));
        }
        if (found.isEmpty()) {
            return review;
        }
        List<String> flags = new ArrayList<>(review.flags());
        if (!flags.contains(FLAG)) {
            flags.add(FLAG);
        }
        ReviewVerdict verdict = review.withdrawn() ? ReviewVerdict.REJECTED : ReviewVerdict.INCONCLUSIVE;
        return new Review(review.goalId(), review.claimId(), review.actionIds(), verdict, review.score(),
                review.effect(), review.interval(), review.pValue(), review.adjustedP(), rationale(found, review),
                List.copyOf(flags), review.quarantinedActions(), List.copyOf(found));
    }

    private static String rationale(List<ResultAnomaly> found, Review held) {
        StringBuilder why = new StringBuilder("Held for a human: ");
        for (int i = 0; i < found.size(); i++) {
            ResultAnomaly a = found.get(i);
            why.append(i == 0 ? "" : "; ").append("the result of action ").append(a.actionId())
                    .append(" lies far outside earlier runs of its configuration (")
                    .append(String.format(Locale.ROOT, "%s %.4g, its median seed, against a median of %.4g over %d "
                            + "seeds of %d earlier runs, spread %.3g, robust z %s)", a.metric(), a.value(),
                            a.historyMedian(), a.historySeeds(), a.historyRuns(), a.historySpread(),
                            a.robustZ() == null ? "undefined: every earlier value was the same"
                                    : String.format(Locale.ROOT, "%.1f", a.robustZ())));
        }
        why.append(". The platform neither accepts nor rejects a claim on such a result: a reviewer decides whether it "
                + "is a discovery or an error.");
        String text = why + BEFORE + held.verdict() + ". " + held.rationale();
        return text.length() <= MAX_RATIONALE ? text : text.substring(0, MAX_RATIONALE - 1) + "…";
    }
}
