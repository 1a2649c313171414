package org.alignlab.ideation.tested;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code experiment.results} under the platform's consumer failure policy: schema-invalid ones go to
 * {@code experiment.results.dlq}, transient failures are retried.
 */
@ApplicationScoped
public class ResultConsumer {

    private final ResultLedger ledger;
    private final ConsumerFailurePolicy failures;

    public ResultConsumer(ResultLedger ledger, ConsumerFailurePolicy failures) {
        this.ledger = ledger;
        this.failures = failures;
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("ideation.result")
    public void onResult(String payload) {
        failures.consume(Topics.EXPERIMENT_RESULTS, payload, ExperimentResult.class, ledger::record);
    }
}
