package org.alignlab.ideation.tested;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code experiment.results}: schema-invalid ones go to {@code experiment.results.dlq}, transient failures
 * are retried.
 */
@ApplicationScoped
public class ResultConsumer {

    private final ResultLedger ledger;

    public ResultConsumer(ResultLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("ideation.result")
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onResult(String payload) {
        ledger.record(EventCodec.decode(payload, ExperimentResult.class));
    }
}
