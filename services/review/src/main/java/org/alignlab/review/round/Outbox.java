package org.alignlab.review.round;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.review.PublishedReview;
import org.alignlab.review.review.PublishedReviewRepository;
import org.alignlab.review.review.ReviewPublisher;

/**
 * Sends what a goal's transactions decided once they have committed: review's replications to
 * {@code agent.actions}, reviews to {@code reviews}. Each is marked sent once the broker acknowledged it; anything
 * unsent (a crash in between) goes with the goal's next event. A duplicate send is harmless: the monitor and the
 * orchestrator are idempotent by action and claim id.
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
        for (Proposal proposal : pendingProposals(goalId)) {
            actions.publish(proposal.actionJson, proposal.goalId.toString());
            markSent(proposal);
        }
        for (PublishedReview review : pendingReviews(goalId)) {
            publisher.publish(EventCodec.decode(review.reviewJson, Review.class));
            markSent(review);
        }
    }

    /** Sends a stored review again (its result was redelivered). */
    public void resend(UUID claimId) {
        stored(claimId).ifPresent(review -> publisher.publish(EventCodec.decode(review.reviewJson, Review.class)));
    }

    private List<Proposal> pendingProposals(UUID goalId) {
        return QuarkusTransaction.requiringNew().call(() -> proposals.unpublished(goalId));
    }

    private List<PublishedReview> pendingReviews(UUID goalId) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.unpublished(goalId));
    }

    private Optional<PublishedReview> stored(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.findByIdOptional(claimId));
    }

    private void markSent(Proposal proposal) {
        QuarkusTransaction.requiringNew().run(() ->
                proposals.findByIdOptional(proposal.actionId).ifPresent(p -> p.publishedAt = Instant.now()));
    }

    private void markSent(PublishedReview review) {
        QuarkusTransaction.requiringNew().run(() ->
                reviews.findByIdOptional(review.claimId).ifPresent(r -> r.publishedAt = Instant.now()));
    }
}
