package org.alignlab.orchestrator.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A review of one claim, as received on {@code reviews}; its claim id makes redelivery harmless. */
@Entity
@Table(name = "goal_reviews")
public class GoalReview {

    @Id
    private UUID claimId;
    private UUID goalId;
    @Enumerated(EnumType.STRING)
    private ReviewVerdict verdict;
    private double score;
    private String rationale;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> flags;
    private Double effect;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "interval_bounds")
    private List<Double> interval;
    private Double pValue;
    @Column(name = "adjusted_p")
    private Double adjustedP;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> actionIds;
    private Instant receivedAt;

    protected GoalReview() {
        // for JPA
    }

    GoalReview(Review review, Instant receivedAt) {
        this.claimId = review.claimId();
        this.goalId = review.goalId();
        this.verdict = review.verdict();
        this.score = review.score();
        this.rationale = review.rationale();
        this.flags = List.copyOf(review.flags());
        this.effect = review.effect();
        this.interval = review.interval() == null ? null : List.copyOf(review.interval());
        this.pValue = review.pValue();
        this.adjustedP = review.adjustedP();
        this.actionIds = List.copyOf(review.actionIds());
        this.receivedAt = receivedAt;
    }

    public UUID claimId() {
        return claimId;
    }

    public UUID goalId() {
        return goalId;
    }

    public ReviewVerdict verdict() {
        return verdict;
    }

    public double score() {
        return score;
    }

    public String rationale() {
        return rationale;
    }

    public List<String> flags() {
        return flags;
    }

    public Double effect() {
        return effect;
    }

    public List<Double> interval() {
        return interval;
    }

    public Double pValue() {
        return pValue;
    }

    public Double adjustedP() {
        return adjustedP;
    }

    public List<UUID> actionIds() {
        return actionIds;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
