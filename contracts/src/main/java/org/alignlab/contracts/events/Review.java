package org.alignlab.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * The reviewer's judgement of one claim, with the statistics behind it. Statistics are null when the
 * evidence does not support computing them (for example a single run).
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
        List<String> flags) {
}
