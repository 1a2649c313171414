package org.alignlab.executor.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.json.SafeText;
import org.alignlab.platform.outbox.Outbox;

/**
 * The only publisher to {@code audit.events}: what the executor did with an action, for the monitor's chain, signed
 * with the executor's key (the monitor appends nothing else). Each
 * event goes into the outbox in the caller's transaction, with the state it reports (the claim, the finished run),
 * and the relay sends it once that commits, until the broker has it: an execution the audit chain does not hear of
 * must not pass unnoticed.
 */
@ApplicationScoped
public class AuditPublisher {

    static final int MAX_DETAIL = 4000;

    @Inject
    Outbox outbox;
    @Inject
    OriginSigner signer;

    /**
     * Queues a fresh event (keyed by goal id).
     *
     * @throws IllegalArgumentException when the event breaks its schema: a bug, which no retry mends
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent publish(AgentAction action, AuditEventType type, String detail, String traceId) {
        AuditEvent event = signer.sign(new AuditEvent(UUID.randomUUID(), action.goalId(), action.id(), type,
                SafeText.sanitize(detail, MAX_DETAIL, true), traceId, Instant.now(), signer.keyId(), null));
        outbox.add(Topics.AUDIT_EVENTS, event.goalId().toString(), event);
        return event;
    }
}
