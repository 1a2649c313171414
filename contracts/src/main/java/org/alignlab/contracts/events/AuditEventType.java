package org.alignlab.contracts.events;

/** Events that other services report into the monitor's audit chain. */
public enum AuditEventType {
    EXECUTION_STARTED,
    EXECUTION_FINISHED,
    EXECUTION_REFUSED,
    /** The platform ran a finished action again in a fresh sandbox and got the metrics its stored result records. */
    RESULT_REPRODUCED,
    /**
     * The platform ran a finished action again and its stored result disagrees with what the action produces: the
     * result is quarantined and no claim may rest on it (the detail names each metric that differs).
     */
    RESULT_MISMATCH,
    /**
     * The platform ran an agent's script again on fresh seeds and not one reported metric moved: none
     * depends on the seed, so they were asserted, not measured. Quarantined like a mismatch.
     */
    RESULT_NOT_MEASURED
}
