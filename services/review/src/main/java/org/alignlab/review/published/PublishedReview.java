package org.alignlab.review.published;

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
    public UUID claimId;

    public UUID goalId;

    public String verdict;

    public double score;

    public String reviewJson;

    public Instant createdAt;
}
