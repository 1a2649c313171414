package org.alignlab.review.published;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A review as decided, stored in the transaction that queues it on the outbox; {@code reviewJson} is the exact event,
 * queued again when one of its results is redelivered.
 */
@Entity
@Table(name = "reviews")
public class PublishedReview {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public String verdict;

    @Column(nullable = false)
    public double score;

    @Column(name = "review_json", nullable = false)
    public String reviewJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
