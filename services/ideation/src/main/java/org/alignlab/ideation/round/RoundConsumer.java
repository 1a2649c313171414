package org.alignlab.ideation.round;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code research.rounds} under the platform's consumer failure policy: a schema-invalid round goes to
 * {@code research.rounds.dlq}; a transient failure is retried for as long as it takes, because the dead-letter
 * queue would commit the offset and drop the round.
 */
@ApplicationScoped
public class RoundConsumer {

    private final RoundHandler handler;
    private final ConsumerFailurePolicy failures;

    public RoundConsumer(RoundHandler handler, ConsumerFailurePolicy failures) {
        this.handler = handler;
        this.failures = failures;
    }

    @Incoming("research-rounds")
    @Blocking
    public void onRound(String payload) {
        failures.consume(Topics.RESEARCH_ROUNDS, payload, RoundRequested.class, handler::handle);
    }
}
