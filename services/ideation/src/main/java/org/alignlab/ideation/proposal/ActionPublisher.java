package org.alignlab.ideation.proposal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The one publisher of {@code agent.actions} in ideation; returns only once the broker has the action. */
@ApplicationScoped
public class ActionPublisher {

    private final Emitter<String> emitter;

    public ActionPublisher(@Channel("agent-actions") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Each action gets its own span, so its trace starts here and follows it through the monitor. */
    @WithSpan("ideation publish action")
    public void publish(AgentAction action) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, action.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, action.id().toString())
                .setAttribute(SpanAttributes.AGENT, action.agent().name().toLowerCase(Locale.ROOT));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(EventCodec.encode(action))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(action.goalId().toString()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
