package org.alignlab.review.round;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Review's publisher of {@code agent.actions}: its replications go to the gate like any agent's action. */
@ApplicationScoped
public class ActionPublisher {

    private final Emitter<String> emitter;

    public ActionPublisher(@Channel("review-actions") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(String actionJson, String goalId) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(actionJson)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(goalId).build())
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

    public void publish(AgentAction action) {
        publish(EventCodec.encode(action), action.goalId().toString());
    }
}
