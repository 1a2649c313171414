package org.alignlab.contracts.events;

/** How an execution ended. REFUSED means the executor never started it (bad ticket, no sandbox). */
public enum ExperimentStatus {
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    KILLED,
    REFUSED
}
