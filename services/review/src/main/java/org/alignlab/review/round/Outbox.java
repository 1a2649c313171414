package org.alignlab.review.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.review.PublishedReview;
import org.alignlab.review.review.PublishedReviewRepository;
import org.alignlab.review.review.ReviewPublisher;

/**
 * Sends what a goal's transactions decided once they have committed: review's replications to
 * {@code agent.actions}, reviews to {@code reviews}. Each is marked sent once the broker acknowledged it, under
 * the goal's lock, so two threads settling events of one goal never both send it. Anything left unsent (a crash
 * or a broker outage in between) goes with the goal's next event; a send repeated after such a crash is harmless,
 * as the monitor and the orchestrator are idempotent by action and claim id.
 */
@ApplicationScoped
public class Outbox {

    private final ProposalRepository proposals;
    private final PublishedReviewRepository reviews;
    private final ActionPublisher actions;
    private final ReviewPublisher publisher;

    public Outbox(ProposalRepository proposals, PublishedReviewRepository reviews, ActionPublisher actions,
            ReviewPublisher publisher) {
        this.proposals = proposals;
        this.reviews = reviews;
        this.actions = actions;
        this.publisher = publisher;
    }

    public void flush(UUID goalId) {
        QuarkusTransaction.requiringNew().run(() -> {
            GoalLock.acquire(goalId);
            for (Proposal proposal : proposals.unpublished(goalId)) {
                actions.publish(proposal.actionJson, proposal.goalId.toString());
                proposal.publishedAt = Instant.now();
            }
            for (PublishedReview review : reviews.unpublished(goalId)) {
                publisher.publish(EventCodec.decode(review.reviewJson, Review.class));
                review.publishedAt = Instant.now();
            }
        });
    }

    /** Sends a stored review again (its result was redelivered). */
    public void resend(UUID claimId) {
        stored(claimId).ifPresent(review -> publisher.publish(EventCodec.decode(review.reviewJson, Review.class)));
    }

    private Optional<PublishedReview> stored(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.findByIdOptional(claimId));
    }
}
