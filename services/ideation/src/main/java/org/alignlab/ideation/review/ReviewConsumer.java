package org.alignlab.ideation.review;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Review;
import org.alignlab.platform.messaging.ConsumerFailurePolicy;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code reviews} under the platform's consumer failure policy: schema-invalid ones go to {@code reviews.dlq}. */
@ApplicationScoped
public class ReviewConsumer {

    private final ReviewInbox inbox;
    private final ConsumerFailurePolicy failures;

    public ReviewConsumer(ReviewInbox inbox, ConsumerFailurePolicy failures) {
        this.inbox = inbox;
        this.failures = failures;
    }

    @Incoming("reviews")
    @Blocking
    public void onReview(String payload) {
        failures.consume(Topics.REVIEWS, payload, Review.class, inbox::keep);
    }
}
