package org.alignlab.review.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A review as decided; {@code reviewJson} is the exact event, re-sent when one of its results is redelivered. */
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

    /** Null until the broker has acknowledged it; unsent reviews are sent again with the goal's next event. */
    @Column(name = "published_at")
    public Instant publishedAt;
}
