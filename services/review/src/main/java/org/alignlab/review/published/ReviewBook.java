package org.alignlab.review.published;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.platform.outbox.Outbox;
import org.alignlab.review.anomaly.AnomalyCheck;
import org.alignlab.review.anomaly.AnomalyHold;
import org.alignlab.review.result.QuarantinedResultRepository;

/**
 * Stores decided reviews and queues them on the platform outbox, inside the caller's transaction: a review reaches
 * {@code reviews} only if it committed, and is sent once it has. The one writer of {@code reviews}, and so the one
 * place that keeps a quarantined result from being evidence: a review covering one is stored and sent withdrawn
 * ({@link Withdrawal}), and a review stored before its result was quarantined is replaced by its withdrawn version.
 * Likewise a review covering a result far outside earlier runs of its configuration is stored and sent held for a
 * human ({@link AnomalyHold}): never ACCEPTED. A result is judged before any review can cover it (review judges it as
 * soon as it has both the result and its action), so a hold never has to replace a review already sent.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewBook {

    @Inject
    PublishedReviewRepository reviews;
    @Inject
    QuarantinedResultRepository quarantined;
    @Inject
    AnomalyCheck anomalies;
    @Inject
    Outbox outbox;

    /**
     * Stores and queues the review unless its claim already has one, held if a result it covers is anomalous and
     * withdrawn if one is quarantined; returns what was stored when it is new.
     */
    public Optional<Review> store(Review review, Instant now) {
        if (reviews.findByIdOptional(review.claimId()).isPresent()) {
            return Optional.empty();
        }
        Review checked = Withdrawal.apply(AnomalyHold.apply(review, anomalies.among(review.actionIds())),
                quarantined.among(review.actionIds()));
        PublishedReview entity = new PublishedReview();
        entity.claimId = checked.claimId();
        entity.goalId = checked.goalId();
        entity.createdAt = now;
        write(entity, checked);
        reviews.persist(entity);
        send(entity);
        return Optional.of(checked);
    }

    /**
     * Withdraws every stored review of the goal that covers the action and is not withdrawn for it yet: the withdrawn
     * version replaces the stored one (same claim, so {@code /api/reviews} and a redelivered result show only it) and
     * is queued, to replace the published one downstream.
     *
     * @return the reviews withdrawn just now
     */
    public List<Review> withdrawCovering(UUID goalId, UUID actionId) {
        List<Review> withdrawn = new ArrayList<>();
        for (PublishedReview stored : reviews.findByGoal(goalId)) {
            Review review = EventCodec.decode(stored.reviewJson, Review.class);
            if (!review.actionIds().contains(actionId)) {
                continue;
            }
            Review replacement = Withdrawal.apply(review, quarantined.among(review.actionIds()));
            if (!replacement.equals(review)) {
                write(stored, replacement);
                send(stored);
                withdrawn.add(replacement);
            }
        }
        return withdrawn;
    }

    /** Queues a stored review again, exactly as stored (one of its results was redelivered). */
    public void resend(UUID claimId) {
        reviews.findByIdOptional(claimId).ifPresent(this::send);
    }

    private static void write(PublishedReview entity, Review review) {
        entity.verdict = review.verdict().name();
        entity.score = review.score();
        // Encoding validates, so a review bug is stopped here instead of stored and published.
        entity.reviewJson = EventCodec.encode(review);
    }

    private void send(PublishedReview review) {
        outbox.addJson(Topics.REVIEWS, review.goalId.toString(), review.reviewJson);
    }
}
