package org.alignlab.monitor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.platform.messaging.PoisonRecordException;

/**
 * Appends what other services report on {@code audit.events}, each event once, and only when the executor signed
 * it: an event anyone else wrote to the topic is poison, dead-lettered with the reason and recorded as such.
 */
@ApplicationScoped
public class AuditEventIntake {

    @Inject
    AuditLog auditLog;
    @Inject
    AuditInboxRepository inbox;
    @Inject
    ExecutorKey executorKey;

    /**
     * Appends the event unless its id is already in the inbox. Two concurrent deliveries of one event cannot
     * both commit: the inbox's primary key fails the second, whose retry then finds the event recorded.
     */
    @Transactional
    public void record(AuditEvent event) {
        String notTheExecutors = executorKey.problem(event);
        if (notTheExecutors != null) {
            throw new PoisonRecordException(notTheExecutors);
        }
        if (inbox.findByIdOptional(event.id()).isPresent()) {
            return;
        }
        // The reporter's own trace id names the action's trace; the consumer span is the fallback.
        String traceId = event.traceId() != null ? event.traceId() : TraceIds.current();
        AuditRecord record = auditLog.append(new AuditFacts(event.type().name(), event.goalId(), event.actionId(),
                null, AuditLog.EXECUTOR, traceId, event.payloadHash(), null, null, null, null, event.detail()),
                event.keyId(), event.signature());
        inbox.persist(new AuditInboxEntry(event.id(), record));
    }
}
