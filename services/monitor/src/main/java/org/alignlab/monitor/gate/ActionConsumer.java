package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.monitor.gate.ActionGate.IncomingAction;
import org.alignlab.monitor.gate.ActionGate.ScoredBatch;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code agent.actions} in batches, so one synchronous commit covers many decisions, and pipelines them:
 * batch N+1 is scored (model, parents, rules) while batch N commits, and commits strictly after it. A schema-invalid
 * action goes to the DLQ with the reason and the rest of the batch is still gated. The platform's failure policy
 * decides the rest: a transient failure (database or broker down) is retried until it succeeds, because an action in
 * the DLQ counts as handled; any other failure is retried record by record, so an action that can never be decided
 * is dead-lettered (with an audit record, {@code DeadLetteredRecords}) and never halts the gate. Each action gets its
 * own {@code monitor.gate} span, a child of the trace its proposer started.
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

    /** Commits waiting or running at once: one commits while the next is queued and the one after is scored. */
    static final int COMMITS_IN_FLIGHT = 2;

    private static final Logger LOG = Logger.getLogger(ActionConsumer.class);

    private final ActionGate gate;
    private final DeadLetters deadLetters;
    private final ConsumerFailurePolicy failures;
    private final Tracer tracer;
    private final Timer decisionLatency;
    private final CommitSequence commits = new CommitSequence(COMMITS_IN_FLIGHT, "gate-commits");

    ActionConsumer(ActionGate gate, DeadLetters deadLetters, ConsumerFailurePolicy failures, Tracer tracer,
            MeterRegistry meters) {
        this.gate = gate;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.tracer = tracer;
        // From the proposal's Kafka timestamp to its committed decision: the gate's share of the path to a ticket.
        this.decisionLatency = Timer.builder(MetricNames.GATE_DECISION_DURATION).publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Scores the batch on this thread and queues its commit behind the batches before it ({@link CommitSequence}),
     * then returns, so the next batch is scored while this one commits. The batch is acknowledged only once its
     * commit is done (so its offsets are committed only then); should the commit fail, it is nacked, which stops the
     * channel ({@code failure-strategy=fail}), and no later batch commits.
     */
    @Incoming("agent-actions")
    @Blocking(ordered = true)
    public CompletionStage<Void> onActions(Message<List<String>> message) {
        List<Received> received = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(message)) {
            try {
                AgentAction action = EventCodec.decode(record.value(), AgentAction.class);
                received.add(new Received(record, new IncomingAction(action, startSpan(record, action))));
            } catch (InvalidEventException e) {
                deadLetters.send(record, e.getMessage(), e);
            }
        }
        ScoredBatch scored = scoreOrLeaveToCommit(received);
        commits.submit(() -> commit(received, scored)).whenComplete((done, failure) -> {
            received.forEach(r -> r.incoming().span().end());
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecords<String, String> records(Message<List<String>> message) {
        return message.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (ConsumerRecords<String, String>) metadata.getRecords())
                .orElseThrow(() -> new IllegalStateException("agent-actions must be consumed in batches"));
    }

    /**
     * Null when scoring failed (the database was down for the parents' lookup, say): the commit then decides the
     * batch from scratch under the failure policy, which knows what to retry.
     */
    private ScoredBatch scoreOrLeaveToCommit(List<Received> received) {
        try {
            return gate.score(received.stream().map(Received::incoming).toList());
        } catch (RuntimeException e) {
            LOG.debugf("scoring a batch of %d failed (%s); its commit will score it again", received.size(),
                    e.toString());
            return null;
        }
    }

    /**
     * One synchronous commit for the batch while it goes well; record by record once it does not, so one action
     * that can never be decided is dead-lettered and the partition moves on. The batch's own scores serve its first
     * attempt; every retry scores again, as decisions made before a failure may be stale by then.
     */
    private void commit(List<Received> received, ScoredBatch scored) {
        AtomicReference<ScoredBatch> firstAttempt = new AtomicReference<>(scored);
        failures.runBatch(Topics.AGENT_ACTIONS, received, r -> r.record().value(), records -> {
            ScoredBatch ready = firstAttempt.getAndSet(null);
            List<Verdict> verdicts = ready != null && records == received ? gate.commit(ready)
                    : gate.decide(records.stream().map(Received::incoming).toList());
            observe(records, verdicts);
        }, (r, decision) -> deadLetters.send(r.record(), decision));
    }

    private void observe(List<Received> received, List<Verdict> verdicts) {
        long now = System.currentTimeMillis();
        // By id, first record first: a lookup per verdict instead of a scan of the batch (500 x 500 at full load).
        Map<UUID, Received> byId = new HashMap<>();
        received.forEach(r -> byId.putIfAbsent(r.incoming().action().id(), r));
        for (Verdict verdict : verdicts) {
            Optional.ofNullable(byId.get(verdict.actionId()))
                    .ifPresent(r -> {
                        decisionLatency.record(Math.max(0, now - r.record().timestamp()), TimeUnit.MILLISECONDS);
                        r.incoming().span()
                                .setAttribute(SpanAttributes.MONITOR_SUSPICION, verdict.suspicion())
                                .setAttribute(SpanAttributes.MONITOR_DECISION, verdict.decision().name())
                                .setAttribute(SpanAttributes.AUDIT_SEQ, verdict.auditSeq());
                    });
        }
    }

    /** Lets the commits already queued finish, so their batches are acknowledged before the channel closes. */
    @PreDestroy
    void stop() {
        commits.close();
    }

    /** A decoded action with the record it came in. */
    private record Received(ConsumerRecord<String, String> record, IncomingAction incoming) {
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
