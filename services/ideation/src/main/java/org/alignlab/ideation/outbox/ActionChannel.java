package org.alignlab.ideation.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.platform.outbox.OutboxChannels;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Ideation's one outgoing channel, {@code agent.actions}, for the outbox relay: nothing else in ideation sends. The
 * relay sends a batch of rows before it waits for their acks, hence the buffer.
 */
@ApplicationScoped
class ActionChannel implements OutboxChannels {

    private final Emitter<String> actions;

    ActionChannel(@Channel("agent-actions") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 1024) Emitter<String> actions) {
        this.actions = actions;
    }

    @Override
    public Emitter<String> forTopic(String topic) {
        return Topics.AGENT_ACTIONS.equals(topic) ? actions : null;
    }
}
