package org.alignlab.orchestrator.goal;

import jakarta.validation.constraints.Positive;

/** The budget a researcher asks for; a field left out takes its configured default. */
public record BudgetRequest(
        @Positive Integer experiments,
        @Positive Integer computeSeconds,
        @Positive Integer rounds,
        @Positive Integer wallSeconds) {
}
