package org.alignlab.review.published;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.platform.outbox.Outbox;

/**
 * Stores decided reviews and queues them on the platform outbox, inside the caller's transaction: a review reaches
 * {@code reviews} only if it committed, and is sent once it has. The one writer of {@code reviews}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewBook {

    @Inject
    PublishedReviewRepository reviews;
    @Inject
    Outbox outbox;

    /** Stores and queues the review unless its claim already has one; returns it when it is new. */
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
        send(entity);
        return Optional.of(review);
    }

    /** Queues a stored review again, exactly as stored (one of its results was redelivered). */
    public void resend(UUID claimId) {
        reviews.findByIdOptional(claimId).ifPresent(this::send);
    }

    private void send(PublishedReview review) {
        outbox.addJson(Topics.REVIEWS, review.goalId.toString(), review.reviewJson);
    }
}
