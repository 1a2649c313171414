package org.alignlab.executor.execution;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one keyed payload and blocks until the broker acknowledges it, so the executor never acknowledges a
 * ticket before what it produced is durable. A nack or timeout throws, which makes the publisher retry.
 */
final class AckedSend {

    static final long ACK_TIMEOUT_SECONDS = 30;

    private AckedSend() {
    }

    static void send(Emitter<String> emitter, String key, String payload) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        acked.orTimeout(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }
}
