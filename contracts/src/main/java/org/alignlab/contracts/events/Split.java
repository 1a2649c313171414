package org.alignlab.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which data split an experiment evaluates on. Ideation sees only {@link #VALIDATION}. */
public enum Split {
    @JsonProperty("validation")
    VALIDATION,
    @JsonProperty("heldout")
    HELDOUT
}
