package org.alignlab.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends that complete only when the broker has acknowledged, so nothing is marked done before its output is
 * durable. A nack or timeout fails the future (or throws from {@link #send}), which makes the caller retry.
 */
public final class AckedSend {

    public static final long ACK_TIMEOUT_SECONDS = 30;

    private AckedSend() {
    }

    /** Sends one keyed payload and blocks until it is acknowledged. */
    public static void send(Emitter<String> emitter, String key, String payload) {
        send(emitter, keyed(key, payload));
    }

    /** Sends a prepared message and blocks until it is acknowledged. */
    public static void send(Emitter<String> emitter, Message<String> message) {
        async(emitter, message).orTimeout(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** Sends a prepared message; the future completes when the broker acknowledges it. */
    public static CompletableFuture<Void> async(Emitter<String> emitter, Message<String> message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(message
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    acked.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    /** A message with a Kafka key. */
    public static Message<String> keyed(String key, String payload) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
