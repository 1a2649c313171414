package org.alignlab.executor.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The only publisher to {@code audit.events}: what the executor did with an action, for the monitor's chain. */
@ApplicationScoped
public class AuditPublisher {

    static final int MAX_DETAIL = 4000;

    private final Emitter<String> emitter;

    AuditPublisher(@Channel("audit-events") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Publishes a fresh event and waits for the broker's ack; retried until it is durable, because an execution
     * the audit chain does not know about must not pass unnoticed.
     */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = IllegalArgumentException.class)
    public AuditEvent publish(AgentAction action, AuditEventType type, String detail, String traceId) {
        AuditEvent event = new AuditEvent(UUID.randomUUID(), action.goalId(), action.id(), type,
                ResultFactory.truncate(detail, MAX_DETAIL), traceId, Instant.now());
        AckedSend.send(emitter, event.goalId().toString(), EventCodec.encode(event));
        return event;
    }
}
