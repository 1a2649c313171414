package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.json.Sha256;

/** Appends what other services report on {@code audit.events}, each event once. */
@ApplicationScoped
public class AuditEventIntake {

    @Inject
    AuditLog auditLog;
    @Inject
    AuditInboxRepository inbox;

    /**
     * Appends the event unless its id is already in the inbox. Two concurrent deliveries of one event cannot
     * both commit: the inbox's primary key fails the second, whose retry then finds the event recorded.
     */
    @Transactional
    public void record(AuditEvent event) {
        if (inbox.findByIdOptional(event.id()).isPresent()) {
            return;
        }
        // The reporter's own trace id names the action's trace; the consumer span is the fallback.
        String traceId = event.traceId() != null ? event.traceId() : TraceIds.current();
        AuditRecord record = auditLog.append(new AuditFacts(event.type().name(), event.goalId(), event.actionId(),
                null, AuditLog.EXECUTOR, traceId, Sha256.ofCanonical(event), null, null, null, null, event.detail()));
        inbox.persist(new AuditInboxEntry(event.id(), record));
    }
}
