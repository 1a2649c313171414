package org.alignlab.orchestrator.budget;

import com.fasterxml.jackson.annotation.JsonValue;

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

    public static BudgetKind ofField(String field) {
        for (BudgetKind kind : values()) {
            if (kind.field.equals(field)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no budget " + field);
    }
}
