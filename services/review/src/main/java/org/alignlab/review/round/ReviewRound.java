package org.alignlab.review.round;

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
    public UUID roundId;

    public UUID goalId;

    public int round;

    /** The baseline the round's claims compare against; null when the round formed no claims. */
    public UUID baselineId;

    public Instant plannedAt;

    public Instant decidedAt;

    static UUID idOf(UUID goalId, int round) {
        return UUID.nameUUIDFromBytes(("review-round:" + goalId + ":" + round).getBytes(StandardCharsets.UTF_8));
    }
}
