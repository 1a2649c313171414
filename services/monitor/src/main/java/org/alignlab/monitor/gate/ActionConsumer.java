package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.monitor.gate.ActionGate.IncomingAction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code agent.actions} in batches, so one synchronous commit covers many decisions. A schema-invalid
 * action goes to the DLQ with the reason and the rest of the batch is still gated; anything else (database or
 * broker down) is retried until it succeeds, because an action in the DLQ would count as handled unaudited.
 * Each action gets its own {@code monitor.gate} span, a child of the trace its proposer started.
 */
@ApplicationScoped
public class ActionConsumer {

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final ActionGate gate;
    private final DeadLetters deadLetters;
    private final Tracer tracer;
    private final Timer decisionLatency;

    ActionConsumer(ActionGate gate, DeadLetters deadLetters, Tracer tracer, MeterRegistry meters) {
        this.gate = gate;
        this.deadLetters = deadLetters;
        this.tracer = tracer;
        // From the proposal's Kafka timestamp to its committed decision: the gate's share of the path to a ticket.
        this.decisionLatency = Timer.builder(MetricNames.GATE_DECISION_DURATION).publishPercentileHistogram()
                .register(meters);
    }

    @Incoming("agent-actions")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS)
    public void onActions(ConsumerRecords<String, String> batch) {
        List<IncomingAction> actions = new ArrayList<>();
        Map<UUID, IncomingAction> byId = new HashMap<>();
        Map<UUID, Long> proposedAt = new HashMap<>();
        for (ConsumerRecord<String, String> record : batch) {
            try {
                AgentAction action = EventCodec.decode(record.value(), AgentAction.class);
                IncomingAction incoming = new IncomingAction(action, startSpan(record, action));
                actions.add(incoming);
                byId.putIfAbsent(action.id(), incoming);
                proposedAt.putIfAbsent(action.id(), record.timestamp());
            } catch (InvalidEventException e) {
                deadLetters.send(record, e.getMessage(), e);
            }
        }
        try {
            List<Verdict> verdicts = gate.decide(actions);
            long now = System.currentTimeMillis();
            for (Verdict verdict : verdicts) {
                decisionLatency.record(Math.max(0, now - proposedAt.get(verdict.actionId())), TimeUnit.MILLISECONDS);
                byId.get(verdict.actionId()).span()
                        .setAttribute(SpanAttributes.MONITOR_SUSPICION, verdict.suspicion())
                        .setAttribute(SpanAttributes.MONITOR_DECISION, verdict.decision().name())
                        .setAttribute(SpanAttributes.AUDIT_SEQ, verdict.auditSeq());
            }
        } finally {
            actions.forEach(incoming -> incoming.span().end());
        }
    }

    private Span startSpan(ConsumerRecord<String, String> record, AgentAction action) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(),
                KAFKA_HEADERS);
        return tracer.spanBuilder("monitor.gate").setParent(parent).startSpan()
                .setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, action.id().toString())
                .setAttribute(SpanAttributes.AGENT, ActionGate.agentName(action));
    }
}
