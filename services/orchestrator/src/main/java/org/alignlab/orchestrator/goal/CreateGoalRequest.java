package org.alignlab.orchestrator.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/goals}. */
public record CreateGoalRequest(
        @NotBlank @Size(max = 4000) String question,
        @NotNull @KnownFamily String family,
        @Valid BudgetRequest budget) {
}
