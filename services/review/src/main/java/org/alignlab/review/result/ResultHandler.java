package org.alignlab.review.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.review.review.ReviewPublisher;

/**
 * One result: store it and decide its review (once), then publish the review. Publishing follows the commit,
 * so every published review is stored and a redelivery re-publishes the same claim.
 */
@ApplicationScoped
public class ResultHandler {

    private final ReviewLedger ledger;
    private final ReviewPublisher publisher;
    private final MeterRegistry meters;

    public ResultHandler(ReviewLedger ledger, ReviewPublisher publisher, MeterRegistry meters) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.meters = meters;
    }

    public void handle(ExperimentResult result) {
        Span.current()
                .setAttribute(SpanAttributes.GOAL_ID, result.goalId().toString())
                .setAttribute(SpanAttributes.ACTION_ID, result.actionId().toString())
                .setAttribute(SpanAttributes.AGENT, "review");
        ReviewLedger.Decided decided = ledger.reviewOnce(result);
        if (decided.fresh()) {
            // Counted when committed: a redelivered result re-publishes but reviews nothing new.
            meters.counter(MetricNames.REVIEWS_PUBLISHED, MetricNames.TAG_VERDICT, decided.review().verdict().name())
                    .increment();
        }
        publisher.publish(decided.review());
    }
}
