package org.alignlab.platform.outbox;

import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The outgoing channels the outbox relay may send to, by topic: each service that writes to the outbox provides one
 * bean of this type, injecting its emitters with {@code @Channel}. A topic without a channel here fails the
 * {@link Outbox#add} that names it, inside the transaction, not later in the relay.
 */
public interface OutboxChannels {

    /** The emitter for {@code topic}, or null when this service does not send to it. */
    Emitter<String> forTopic(String topic);
}
