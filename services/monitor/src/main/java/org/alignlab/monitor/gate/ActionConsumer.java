package org.alignlab.monitor.gate;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.monitor.tickets.TicketPublisher;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code agent.actions}. A schema-invalid action goes to the DLQ; anything else is retried until it
 * succeeds, because the DLQ commits the offset and would count an unaudited action as handled.
 * The Kafka "receive" span has already ended when the handler runs, so the handler opens its own span
 * (a child in the same trace) to carry the gate's attributes.
 */
@ApplicationScoped
public class ActionConsumer {

    private final ActionGate gate;
    private final VerdictPublisher verdicts;
    private final TicketPublisher tickets;

    ActionConsumer(ActionGate gate, VerdictPublisher verdicts, TicketPublisher tickets) {
        this.gate = gate;
        this.verdicts = verdicts;
        this.tickets = tickets;
    }

    @Incoming("agent-actions")
    @Blocking
    @WithSpan("monitor.gate")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onAction(String payload) {
        AgentAction action = EventCodec.decode(payload, AgentAction.class);
        Span span = Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, action.id().toString())
                .setAttribute(SpanAttributes.AGENT, ActionGate.agentName(action));

        GateOutcome outcome = gate.handle(action);
        span.setAttribute(SpanAttributes.MONITOR_SUSPICION, outcome.verdict().suspicion())
                .setAttribute(SpanAttributes.MONITOR_DECISION, outcome.verdict().decision().name())
                .setAttribute(SpanAttributes.AUDIT_SEQ, outcome.verdict().auditSeq());

        // Published only after the gate's transaction has committed. A crash between commit and publish
        // leaves the offset uncommitted: the action is redelivered and the gate re-publishes the stored
        // verdict and ticket. A relay from the tickets table (full outbox) comes with the gate issue.
        verdicts.publish(outcome.verdict());
        if (outcome.ticket() != null) {
            tickets.publish(outcome.ticket());
        }
    }
}
