package org.alignlab.ideation.round;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.review.ReviewInbox;
import org.alignlab.ideation.tested.ResultLedger;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Everything ideation reads from Kafka, each record under the platform's consumer failure policy (schema-invalid ⇒ the
 * topic's DLQ; a transient failure is retried for as long as it takes, because the DLQ would commit the offset and
 * drop the record): {@code research.rounds} to propose for, and {@code experiment.results} and {@code reviews} to
 * learn from.
 */
@ApplicationScoped
public class IdeationInputs {

    @Inject
    RoundHandler rounds;
    @Inject
    ResultLedger results;
    @Inject
    ReviewInbox reviews;
    @Inject
    ConsumerFailurePolicy failures;

    @Incoming("research-rounds")
    @Blocking
    public void onRound(String payload) {
        failures.consume(Topics.RESEARCH_ROUNDS, payload, RoundRequested.class, rounds::handle);
    }

    @Incoming("experiment-results")
    @Blocking
    @WithSpan("ideation.result")
    public void onResult(String payload) {
        failures.consume(Topics.EXPERIMENT_RESULTS, payload, ExperimentResult.class, results::record);
    }

    @Incoming("reviews")
    @Blocking
    public void onReview(String payload) {
        failures.consume(Topics.REVIEWS, payload, Review.class, reviews::keep);
    }
}
