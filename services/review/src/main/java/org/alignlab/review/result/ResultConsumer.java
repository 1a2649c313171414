package org.alignlab.review.result;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.alignlab.review.round.ReviewFlow;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code experiment.results} under the platform's consumer failure policy: a schema-invalid result goes to
 * {@code experiment.results.dlq}; a transient failure is retried for as long as it takes, because the dead-letter
 * queue would commit the offset and lose the review.
 */
@ApplicationScoped
public class ResultConsumer {

    private final ReviewFlow flow;
    private final ConsumerFailurePolicy failures;

    public ResultConsumer(ReviewFlow flow, ConsumerFailurePolicy failures) {
        this.flow = flow;
        this.failures = failures;
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("review.result")
    public void onResult(String payload) {
        failures.consume(Topics.EXPERIMENT_RESULTS, payload, ExperimentResult.class, flow::onResult);
    }
}
