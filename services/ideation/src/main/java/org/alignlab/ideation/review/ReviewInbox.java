package org.alignlab.ideation.review;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;

/**
 * Keeps the reviews ideation has read; nothing uses them yet, later policies will. A redelivered or revised
 * review of the same claim replaces the stored one.
 */
@ApplicationScoped
public class ReviewInbox {

    @Inject
    SeenReviewRepository repository;

    @Transactional
    public void keep(Review review) {
        Span.current().setAttribute(SpanAttributes.GOAL_ID, review.goalId().toString());
        SeenReview seen = repository.findByIdOptional(review.claimId()).orElseGet(SeenReview::new);
        seen.claimId = review.claimId();
        seen.goalId = review.goalId();
        seen.verdict = review.verdict().name();
        seen.score = review.score();
        seen.reviewJson = EventCodec.encode(review);
        seen.receivedAt = Instant.now();
        repository.persist(seen);
    }
}
