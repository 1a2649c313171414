package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a service other than the monitor did with an action, to be appended to the audit chain.
 *
 * @param id unique per event, so the monitor appends each one once under at-least-once delivery
 */
public record AuditEvent(
        UUID id,
        UUID goalId,
        UUID actionId,
        AuditEventType type,
        String detail,
        String traceId,
        Instant at) {
}
