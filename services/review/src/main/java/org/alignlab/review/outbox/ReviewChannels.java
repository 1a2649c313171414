package org.alignlab.review.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.outbox.OutboxChannels;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Review's outgoing channels, for the outbox relay: its replications to {@code agent.actions}, its reviews to
 * {@code reviews}. Nothing else in review sends; the relay sends a batch of rows before it waits for their acks,
 * hence the buffers.
 */
@ApplicationScoped
class ReviewChannels implements OutboxChannels {

    private final Emitter<String> replications;
    private final Emitter<String> reviews;

    ReviewChannels(
            @Channel("review-actions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 1024) Emitter<String> replications,
            @Channel("reviews") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                    bufferSize = 1024) Emitter<String> reviews) {
        this.replications = replications;
        this.reviews = reviews;
    }

    @Override
    public Emitter<String> forTopic(String topic) {
        return switch (topic) {
            case Topics.AGENT_ACTIONS -> replications;
            case Topics.REVIEWS -> reviews;
            default -> null;
        };
    }
}
