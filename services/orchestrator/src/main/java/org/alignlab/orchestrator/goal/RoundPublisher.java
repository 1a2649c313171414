package org.alignlab.orchestrator.goal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The one publisher of {@code research.rounds}, keyed by goal id; returns once the broker has the event. */
@ApplicationScoped
public class RoundPublisher {

    private final Emitter<String> emitter;
    private final Counter requested;

    RoundPublisher(@Channel("research-rounds") Emitter<String> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.requested = registry.counter(MetricNames.ROUNDS_REQUESTED);
    }

    public void publish(RoundRequested round) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(EventCodec.encode(round))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(round.goalId().toString()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.orTimeout(30, TimeUnit.SECONDS).join();
        requested.increment();
    }
}
