package org.alignlab.monitor.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends one keyed payload and blocks until the broker acknowledges it, so a handler never acknowledges its
 * input before its output is durable. A nack or timeout throws, which makes the handler retry.
 */
public final class AckedSend {

    static final long ACK_TIMEOUT_SECONDS = 30;

    private AckedSend() {
    }

    public static void send(Emitter<String> emitter, String key, String payload) {
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
