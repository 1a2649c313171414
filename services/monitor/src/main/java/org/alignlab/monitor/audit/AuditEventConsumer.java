package org.alignlab.monitor.audit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code audit.events}. A schema-invalid event goes to the DLQ; anything else is retried until it
 * succeeds, because an event sent to the DLQ would be an execution the audit log never heard of.
 */
@ApplicationScoped
public class AuditEventConsumer {

    private final AuditEventIntake intake;

    AuditEventConsumer(AuditEventIntake intake) {
        this.intake = intake;
    }

    @Incoming("audit-events")
    @Blocking
    @WithSpan("monitor.audit-event")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onAuditEvent(String payload) {
        AuditEvent event = EventCodec.decode(payload, AuditEvent.class);
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, event.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, event.actionId().toString());
        intake.record(event);
    }
}
