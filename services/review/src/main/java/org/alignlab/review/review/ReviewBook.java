package org.alignlab.review.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;

/**
 * Stores decided reviews, unsent. Runs inside the caller's transaction; the review leaves only after the commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewBook {

    private final PublishedReviewRepository reviews;

    public ReviewBook(PublishedReviewRepository reviews) {
        this.reviews = reviews;
    }

    /** Stores the review unless its claim already has one; returns it when it is new. */
    public Optional<Review> store(Review review, Instant now) {
        if (reviews.findByIdOptional(review.claimId()).isPresent()) {
            return Optional.empty();
        }
        PublishedReview entity = new PublishedReview();
        entity.claimId = review.claimId();
        entity.goalId = review.goalId();
        entity.verdict = review.verdict().name();
        entity.score = review.score();
        // Encoding validates, so a review bug is stopped here instead of stored and published.
        entity.reviewJson = EventCodec.encode(review);
        entity.createdAt = now;
        reviews.persist(entity);
        return Optional.of(review);
    }
}
