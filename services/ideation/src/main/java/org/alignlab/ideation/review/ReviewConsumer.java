package org.alignlab.ideation.review;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.InvalidEventException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code reviews}: schema-invalid ones go to {@code reviews.dlq}, transient failures are retried. */
@ApplicationScoped
public class ReviewConsumer {

    private final ReviewInbox inbox;

    public ReviewConsumer(ReviewInbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("reviews")
    @Blocking
    @Retry(maxRetries = -1, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 3650,
            durationUnit = ChronoUnit.DAYS, abortOn = InvalidEventException.class)
    public void onReview(String payload) {
        inbox.keep(EventCodec.decode(payload, Review.class));
    }
}
