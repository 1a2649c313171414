package org.alignlab.orchestrator.round;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.outbox.OutboxChannels;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** The orchestrator's one outgoing topic, for the outbox relay: nothing else sends to {@code research.rounds}. */
@ApplicationScoped
class ResearchRoundsChannel implements OutboxChannels {

    private final Emitter<String> rounds;

    // The relay sends up to a batch of rows before it waits for their acks: buffer at least that many.
    ResearchRoundsChannel(@Channel("research-rounds") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 1024) Emitter<String> rounds) {
        this.rounds = rounds;
    }

    @Override
    public Emitter<String> forTopic(String topic) {
        return Topics.RESEARCH_ROUNDS.equals(topic) ? rounds : null;
    }
}
