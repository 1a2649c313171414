package org.alignlab.orchestrator.budget;

import com.fasterxml.jackson.annotation.JsonValue;
import org.alignlab.contracts.events.Budget;

/** The four limits of a goal's budget, named as in the API's {@code budget} object. */
public enum BudgetKind {
    EXPERIMENTS("experiments"),
    COMPUTE_SECONDS("computeSeconds"),
    ROUNDS("rounds"),
    WALL_SECONDS("wallSeconds");

    private final String field;

    BudgetKind(String field) {
        this.field = field;
    }

    /** The field's name in {@code budget}; also how the API and the database spell the kind. */
    @JsonValue
    public String field() {
        return field;
    }

    /** This kind's limit in {@code budget}. */
    public int of(Budget budget) {
        return switch (this) {
            case EXPERIMENTS -> budget.experiments();
            case COMPUTE_SECONDS -> budget.computeSeconds();
            case ROUNDS -> budget.rounds();
            case WALL_SECONDS -> budget.wallSeconds();
        };
    }

    public static BudgetKind ofField(String field) {
        for (BudgetKind kind : values()) {
            if (kind.field.equals(field)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no budget " + field);
    }
}
