package org.alignlab.contracts.events;

/** What an agent asks the platform to do. */
public enum ActionType {
    RUN_EXPERIMENT,
    REPLICATE_EXPERIMENT,
    RUN_SCRIPT
}
