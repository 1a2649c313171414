package org.alignlab.review.review;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The one publisher of {@code reviews}; returns only once the broker has the review. */
@ApplicationScoped
public class ReviewPublisher {

    private final Emitter<String> emitter;

    public ReviewPublisher(@Channel("reviews") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(Review review) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(EventCodec.encode(review))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(review.goalId().toString()).build())
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
