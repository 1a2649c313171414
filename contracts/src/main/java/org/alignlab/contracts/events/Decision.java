package org.alignlab.contracts.events;

/** The control protocol's outcomes. Only {@link #ALLOW} (or a human approval) yields a ticket. */
public enum Decision {
    ALLOW,
    DEFER_TO_TRUSTED,
    HOLD,
    BLOCK
}
