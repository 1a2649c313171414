package org.alignlab.review.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A round whose claims have been formed; decided once every claim of it is reviewed. */
@Entity
@Table(name = "review_rounds")
public class ReviewRound {

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public int round;

    /** The baseline the round's claims compare against; null when the round formed no claims. */
    @Column(name = "baseline_id")
    public UUID baselineId;

    @Column(name = "planned_at", nullable = false)
    public Instant plannedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    static UUID idOf(UUID goalId, int round) {
        return UUID.nameUUIDFromBytes(("review-round:" + goalId + ":" + round).getBytes(StandardCharsets.UTF_8));
    }
}
