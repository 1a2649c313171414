package org.alignlab.monitor.audit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code audit.events} under the platform's consumer failure policy: a transient failure is retried for as
 * long as it takes, because an event sent to the DLQ would be an execution the audit log never heard of; only an
 * event that can never be recorded is dead-lettered.
 */
@ApplicationScoped
public class AuditEventConsumer {

    @Inject
    AuditEventIntake intake;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("audit-events")
    @Blocking
    @WithSpan("monitor.audit-event")
    public void onAuditEvent(String payload) {
        failures.consume(Topics.AUDIT_EVENTS, payload, AuditEvent.class, event -> {
            Span.current()
                    .setAttribute(SpanAttributes.GOAL_ID, event.goalId().toString())
                    .setAttribute(SpanAttributes.ACTION_ID, event.actionId().toString());
            intake.record(event);
        });
    }
}
