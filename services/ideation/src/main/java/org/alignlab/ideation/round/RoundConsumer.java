package org.alignlab.ideation.round;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code research.rounds}. A schema-invalid round goes to {@code research.rounds.dlq}; anything else is
 * transient and retried, because the dead-letter queue would commit the offset and drop the round.
 */
@ApplicationScoped
public class RoundConsumer {

    private final RoundHandler handler;

    public RoundConsumer(RoundHandler handler) {
        this.handler = handler;
    }

    @Incoming("research-rounds")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onRound(String payload) {
        handler.handle(EventCodec.decode(payload, RoundRequested.class));
    }
}
