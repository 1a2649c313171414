package org.alignlab.review.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.review.PublishedReview;
import org.alignlab.review.review.PublishedReviewRepository;
import org.alignlab.review.review.ReviewPublisher;

/**
 * Sends what a goal's transactions decided once they have committed: review's replications to
 * {@code agent.actions}, reviews to {@code reviews}. One at a time, each in a short transaction that holds the
 * goal's lock from reading it to marking it sent once the broker acknowledged it: two threads settling events of
 * one goal never both send it, and a slow broker never holds the lock (or a transaction) for more than one send.
 * Anything left unsent (a crash or a broker outage in between) goes with the goal's next event; a send repeated
 * after such a crash is harmless, as the monitor and the orchestrator are idempotent by action and claim id.
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
        sendAll(() -> sendNextProposal(goalId));
        sendAll(() -> sendNextReview(goalId));
    }

    /** @param sendNext sends one pending item, returning false when none was left */
    private static void sendAll(Callable<Boolean> sendNext) {
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(sendNext);
        }
    }

    private boolean sendNextProposal(UUID goalId) {
        GoalLock.acquire(goalId);
        Optional<Proposal> next = proposals.firstUnpublished(goalId);
        next.ifPresent(proposal -> {
            actions.publish(proposal.actionJson, proposal.goalId.toString());
            proposal.publishedAt = Instant.now();
        });
        return next.isPresent();
    }

    private boolean sendNextReview(UUID goalId) {
        GoalLock.acquire(goalId);
        Optional<PublishedReview> next = reviews.firstUnpublished(goalId);
        next.ifPresent(review -> {
            publisher.publish(EventCodec.decode(review.reviewJson, Review.class));
            review.publishedAt = Instant.now();
        });
        return next.isPresent();
    }

    /** Sends a stored review again (its result was redelivered). */
    public void resend(UUID claimId) {
        stored(claimId).ifPresent(review -> publisher.publish(EventCodec.decode(review.reviewJson, Review.class)));
    }

    private Optional<PublishedReview> stored(UUID claimId) {
        return QuarkusTransaction.requiringNew().call(() -> reviews.findByIdOptional(claimId));
    }
}
