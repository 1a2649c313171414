package org.alignlab.executor.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The only publisher to {@code experiment.results}, keyed by goal id. */
@ApplicationScoped
public class ResultPublisher {

    private final Emitter<String> emitter;

    ResultPublisher(@Channel("experiment-results") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Waits for the broker's ack; retried until durable, because the run cannot be repeated to get it back. */
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = IllegalArgumentException.class)
    public void publish(ExperimentResult result) {
        AckedSend.send(emitter, result.goalId().toString(), EventCodec.encode(result));
    }
}
