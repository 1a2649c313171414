package org.alignlab.ideation.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest review of one claim, kept for policies that learn from earlier rounds. */
@Entity
@Table(name = "reviews_seen")
public class SeenReview {

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

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
