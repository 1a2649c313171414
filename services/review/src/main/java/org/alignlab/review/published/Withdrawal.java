package org.alignlab.review.published;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;

/**
 * What becomes of a review when a result it covers is quarantined (re-executing the action gave other metrics): the
 * claim is withdrawn. Its verdict is REJECTED, whatever the statistics said, because evidence that was altered after
 * the run is not merely too little evidence (INCONCLUSIVE would invite more runs of a claim built on it); its score is
 * 0, its flags gain {@value #FLAG}, {@code quarantinedActions} names the results, and the rationale says why before
 * the review it replaces. The statistics stay, as what the withdrawn claim had reported. Pure.
 */
public final class Withdrawal {

    /** The flag of a withdrawn review. */
    public static final String FLAG = "result-quarantined";
    /** Separates the withdrawal's reason from the rationale of the review it replaces. */
    static final String BEFORE = "\nReview before the quarantine: ";
    /** Keeps each mismatch's account short; the audit record holds it whole. */
    static final int MAX_DETAIL = 400;
    /** The schema's bound on a rationale. */
    static final int MAX_RATIONALE = 8000;

    private Withdrawal() {
    }

    /**
     * @param quarantined quarantined results, by action id, each with the mismatch the executor reported; may name
     *                    actions the review does not cover
     * @return the review unchanged when none of its actions is newly quarantined, else its withdrawn version
     */
    public static Review apply(Review review, Map<UUID, String> quarantined) {
        Set<UUID> already = review.withdrawn() ? Set.copyOf(review.quarantinedActions()) : Set.of();
        Set<UUID> all = new LinkedHashSet<>();
        for (UUID actionId : review.actionIds()) {
            if (already.contains(actionId) || quarantined.containsKey(actionId)) {
                all.add(actionId);
            }
        }
        if (already.containsAll(all)) {
            return review;
        }
        List<String> flags = new ArrayList<>(review.flags());
        if (!flags.contains(FLAG)) {
            flags.add(FLAG);
        }
        return new Review(review.goalId(), review.claimId(), review.actionIds(), ReviewVerdict.REJECTED, 0.0,
                review.effect(), review.interval(), review.pValue(), review.adjustedP(),
                rationale(all, quarantined, original(review)), List.copyOf(flags), List.copyOf(all),
                review.anomalies());
    }

    private static String rationale(Set<UUID> actions, Map<UUID, String> quarantined, String original) {
        StringBuilder why = new StringBuilder("Withdrawn: ");
        boolean first = true;
        for (UUID actionId : actions) {
            why.append(first ? "" : "; ").append("the result of action ").append(actionId)
                    .append(" failed the platform's re-execution audit");
            String detail = quarantined.get(actionId);
            if (detail != null && !detail.isBlank()) {
                why.append(" (").append(shorten(detail.strip(), MAX_DETAIL)).append(')');
            }
            first = false;
        }
        why.append(". No claim may rest on a quarantined result, so this claim is rejected whatever its statistics "
                + "said.");
        return shorten(why + BEFORE + original, MAX_RATIONALE);
    }

    /** The rationale of the review as first decided, also when it was withdrawn before. */
    private static String original(Review review) {
        int at = review.withdrawn() ? review.rationale().indexOf(BEFORE) : -1;
        return at < 0 ? review.rationale() : review.rationale().substring(at + BEFORE.length());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
