package org.alignlab.orchestrator.goal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/goals}.
 *
 * @param factors             the family's parameters the question asks about (searchable parameters of the family
 *                            catalogue); optional: without them ideation infers them from the question
 * @param roundTimeoutSeconds how long a round waits for its reviews before it closes anyway; optional
 */
public record CreateGoalRequest(
        @NotBlank @Size(max = 4000) String question,
        @NotNull @KnownFamily String family,
        @Size(max = 8) List<@NotBlank @Size(max = 100) String> factors,
        @Valid BudgetRequest budget,
        @Positive Integer roundTimeoutSeconds) {
}
