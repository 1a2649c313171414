package org.alignlab.orchestrator.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/goals}.
 *
 * @param roundTimeoutSeconds how long a round waits for its reviews before it closes anyway; optional
 */
public record CreateGoalRequest(
        @NotBlank @Size(max = 4000) String question,
        @NotNull @KnownFamily String family,
        @Valid BudgetRequest budget,
        @Positive Integer roundTimeoutSeconds) {
}
