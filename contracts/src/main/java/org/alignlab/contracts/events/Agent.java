package org.alignlab.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who proposed an action. {@link #TRUSTED} marks a safe replacement made by the monitor. */
public enum Agent {
    @JsonProperty("ideation")
    IDEATION,
    @JsonProperty("review")
    REVIEW,
    @JsonProperty("trusted")
    TRUSTED
}
