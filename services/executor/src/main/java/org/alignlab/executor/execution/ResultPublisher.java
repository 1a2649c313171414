package org.alignlab.executor.execution;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The only publisher to {@code experiment.results}, keyed by goal id. */
@ApplicationScoped
public class ResultPublisher {

    private final Emitter<String> emitter;

    ResultPublisher(@Channel("experiment-results") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Waits for the broker's ack; retried until durable, because the run cannot be repeated to get it back. */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = IllegalArgumentException.class)
    public void publish(ExperimentResult result) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(EventCodec.encode(result))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(result.goalId().toString()).build())
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
