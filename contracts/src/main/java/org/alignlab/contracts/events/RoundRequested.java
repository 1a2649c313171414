package org.alignlab.contracts.events;

import java.util.List;
import java.util.UUID;

/** The orchestrator asks ideation for the experiments of one round of a goal. */
public record RoundRequested(
        UUID goalId,
        int round,
        String family,
        String question,
        Budget budgetLeft,
        List<String> findings) {
}
