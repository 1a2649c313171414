package org.alignlab.review.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.review.PublishedReview;
import org.alignlab.review.review.PublishedReviewRepository;
import org.alignlab.review.review.ReviewPolicy;

/**
 * Stores a result and decides its review exactly once. A redelivered result finds both stored and gets the
 * stored review back, so what is re-published is byte for byte what was published first.
 */
@ApplicationScoped
public class ReviewLedger {

    private final ReceivedResultRepository results;
    private final PublishedReviewRepository reviews;
    private final ReviewPolicy policy;

    public ReviewLedger(ReceivedResultRepository results, PublishedReviewRepository reviews, ReviewPolicy policy) {
        this.results = results;
        this.reviews = reviews;
        this.policy = policy;
    }

    /** The review of a result, and whether it was decided just now (false: a redelivery). */
    public record Decided(Review review, boolean fresh) {
    }

    @Transactional
    public Decided reviewOnce(ExperimentResult result) {
        if (results.findByIdOptional(result.actionId()).isEmpty()) {
            results.persist(toEntity(result));
        }
        return reviews.findByIdOptional(result.actionId())
                .map(stored -> new Decided(EventCodec.decode(stored.reviewJson, Review.class), false))
                .orElseGet(() -> {
                    Review review = policy.review(result);
                    reviews.persist(toEntity(review));
                    return new Decided(review, true);
                });
    }

    private static ReceivedResult toEntity(ExperimentResult result) {
        ReceivedResult entity = new ReceivedResult();
        entity.actionId = result.actionId();
        entity.goalId = result.goalId();
        entity.status = result.status().name();
        entity.resultJson = EventCodec.encode(result);
        entity.receivedAt = Instant.now();
        return entity;
    }

    private static PublishedReview toEntity(Review review) {
        PublishedReview entity = new PublishedReview();
        entity.claimId = review.claimId();
        entity.goalId = review.goalId();
        entity.verdict = review.verdict().name();
        entity.score = review.score();
        // Encoding validates, so a policy bug is stopped here instead of stored and published.
        entity.reviewJson = EventCodec.encode(review);
        entity.createdAt = Instant.now();
        return entity;
    }
}
