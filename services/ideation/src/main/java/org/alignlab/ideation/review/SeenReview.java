package org.alignlab.ideation.review;

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
    public UUID claimId;

    public UUID goalId;

    public String verdict;

    public double score;

    public String reviewJson;

    public Instant receivedAt;
}
