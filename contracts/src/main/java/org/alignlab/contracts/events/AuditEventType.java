package org.alignlab.contracts.events;

/** Events that other services report into the monitor's audit chain. */
public enum AuditEventType {
    EXECUTION_STARTED,
    EXECUTION_FINISHED,
    EXECUTION_REFUSED
}
