package org.alignlab.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * The reviewer's judgement of one claim, with the statistics behind it. Statistics are null when the
 * evidence does not support computing them (for example a single run).
 *
 * @param quarantinedActions the covered actions whose stored result did not reproduce when the platform re-ran it;
 *                           null on every review but a withdrawn one, which is REJECTED and replaces the claim's
 *                           earlier review (a claim may not rest on a quarantined result)
 * @param anomalies          covered results far outside the distribution of earlier runs of their configuration, with
 *                           the comparison; null on every review but a held one, which is never ACCEPTED (a human
 *                           decides whether the result is a discovery or an error)
 */
public record Review(
        UUID goalId,
        UUID claimId,
        List<UUID> actionIds,
        ReviewVerdict verdict,
        double score,
        Double effect,
        List<Double> interval,
        Double pValue,
        Double adjustedP,
        String rationale,
        List<String> flags,
        List<UUID> quarantinedActions,
        List<ResultAnomaly> anomalies) {

    /** A review none of whose results is quarantined or anomalous. */
    public Review(UUID goalId, UUID claimId, List<UUID> actionIds, ReviewVerdict verdict, double score, Double effect,
            List<Double> interval, Double pValue, Double adjustedP, String rationale, List<String> flags) {
        this(goalId, claimId, actionIds, verdict, score, effect, interval, pValue, adjustedP, rationale, flags, null,
                null);
    }

    /** A review none of whose results is anomalous. */
    public Review(UUID goalId, UUID claimId, List<UUID> actionIds, ReviewVerdict verdict, double score, Double effect,
            List<Double> interval, Double pValue, Double adjustedP, String rationale, List<String> flags,
            List<UUID> quarantinedActions) {
        this(goalId, claimId, actionIds, verdict, score, effect, interval, pValue, adjustedP, rationale, flags,
                quarantinedActions, null);
    }

    /** Whether this review withdraws its claim because a result behind it is quarantined. */
    public boolean withdrawn() {
        return quarantinedActions != null && !quarantinedActions.isEmpty();
    }

    /** Whether this review is held for a human because a result behind it is anomalous against history. */
    public boolean held() {
        return anomalies != null && !anomalies.isEmpty();
    }
}
