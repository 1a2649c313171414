package org.alignlab.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * The orchestrator asks ideation for the experiments of one round of a goal.
 *
 * @param factors the family's parameters the goal asks about as the researcher named them; empty when they named
 *                none (ideation infers them from the question), never null
 */
public record RoundRequested(
        UUID goalId,
        int round,
        String family,
        String question,
        List<String> factors,
        Budget budgetLeft,
        List<String> findings) {

    public RoundRequested {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** A round of a goal that names no factor. */
    public RoundRequested(UUID goalId, int round, String family, String question, Budget budgetLeft,
            List<String> findings) {
        this(goalId, round, family, question, List.of(), budgetLeft, findings);
    }
}
