package org.alignlab.review.result;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code experiment.results}. A schema-invalid result goes to {@code experiment.results.dlq}; anything
 * else is transient and retried, because the dead-letter queue would commit the offset and lose the review.
 */
@ApplicationScoped
public class ResultConsumer {

    private final ResultHandler handler;

    public ResultConsumer(ResultHandler handler) {
        this.handler = handler;
    }

    @Incoming("experiment-results")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onResult(String payload) {
        handler.handle(EventCodec.decode(payload, ExperimentResult.class));
    }
}
