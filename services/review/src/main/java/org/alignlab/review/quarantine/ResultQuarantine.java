package org.alignlab.review.quarantine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.Review;
import org.alignlab.review.published.ReviewBook;
import org.alignlab.review.result.QuarantinedResult;
import org.alignlab.review.result.QuarantinedResultRepository;
import org.alignlab.review.round.GoalLock;
import org.alignlab.review.round.StoredClaimRepository;

/**
 * Quarantines the result a {@code RESULT_MISMATCH} names, under its goal's lock and in one transaction that also
 * withdraws every review already stored on it and queues the withdrawn versions on the outbox. A review decided
 * later is withdrawn as it is stored ({@link ReviewBook#store}). Idempotent by action id: a redelivered event, or a
 * second mismatch of the same result, changes nothing.
 */
@ApplicationScoped
public class ResultQuarantine {

    private final QuarantinedResultRepository quarantined;
    private final ReviewBook book;
    private final StoredClaimRepository claims;
    private final Clock clock = Clock.systemUTC();

    ResultQuarantine(QuarantinedResultRepository quarantined, ReviewBook book, StoredClaimRepository claims) {
        this.quarantined = quarantined;
        this.book = book;
        this.claims = claims;
    }

    /** @return what changed; nothing when the result was quarantined already */
    @Transactional
    public Outcome quarantine(AuditEvent mismatch) {
        GoalLock.acquire(mismatch.goalId());
        if (quarantined.findByIdOptional(mismatch.actionId()).isPresent()) {
            return new Outcome(false, List.of());
        }
        QuarantinedResult row = new QuarantinedResult();
        row.actionId = mismatch.actionId();
        row.goalId = mismatch.goalId();
        row.eventId = mismatch.id();
        row.detail = mismatch.detail();
        row.quarantinedAt = clock.instant();
        quarantined.persist(row);
        List<Review> withdrawn = book.withdrawCovering(mismatch.goalId(), mismatch.actionId());
        withdrawn.forEach(review -> claims.findByIdOptional(review.claimId())
                .ifPresent(claim -> claim.withdraw(row.quarantinedAt)));
        return new Outcome(true, withdrawn);
    }

    /**
     * @param quarantined whether the result was quarantined just now
     * @param withdrawn   the reviews withdrawn just now
     */
    public record Outcome(boolean quarantined, List<Review> withdrawn) {
    }
}
