package org.alignlab.review.result;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.alignlab.review.round.ReviewFlow;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code experiment.results}. A schema-invalid result goes to {@code experiment.results.dlq}; anything
 * else is transient and retried, because the dead-letter queue would commit the offset and lose the review.
 */
@ApplicationScoped
public class ResultConsumer {

    private final ReviewFlow flow;

    public ResultConsumer(ReviewFlow flow) {
        this.flow = flow;
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("review.result")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onResult(String payload) {
        flow.onResult(EventCodec.decode(payload, ExperimentResult.class));
    }
}
