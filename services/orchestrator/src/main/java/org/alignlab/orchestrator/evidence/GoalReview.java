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
import org.alignlab.contracts.events.ResultAnomaly;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A review of one claim, as received on {@code reviews}; its claim id makes redelivery harmless. A withdrawn review
 * of the claim (a result behind it did not reproduce) replaces it: {@link #isSupersededBy}.
 */
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
    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> quarantinedActions;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<ResultAnomaly> anomalies;
    private Instant receivedAt;

    protected GoalReview() {
        // for JPA
    }

    GoalReview(Review review, Instant receivedAt) {
        this.claimId = review.claimId();
        this.goalId = review.goalId();
        this.receivedAt = receivedAt;
        take(review);
    }

    /**
     * Whether {@code later}, a review of the same claim, replaces this one: only a withdrawal that names a
     * quarantined result this review does not. Quarantine only grows, so a redelivered earlier review can never undo
     * a withdrawal, and a redelivered withdrawal changes nothing.
     */
    boolean isSupersededBy(Review later) {
        return later.withdrawn() && !quarantinedActions().containsAll(later.quarantinedActions());
    }

    /** Replaces this review with {@code later}; it keeps its place in the order reviews arrived. */
    void supersede(Review later) {
        take(later);
    }

    private void take(Review review) {
        this.verdict = review.verdict();
        this.score = review.score();
        this.rationale = review.rationale();
        this.flags = List.copyOf(review.flags());
        this.effect = review.effect();
        this.interval = review.interval() == null ? null : List.copyOf(review.interval());
        this.pValue = review.pValue();
        this.adjustedP = review.adjustedP();
        this.actionIds = List.copyOf(review.actionIds());
        this.quarantinedActions = review.withdrawn() ? List.copyOf(review.quarantinedActions()) : null;
        this.anomalies = review.held() ? List.copyOf(review.anomalies()) : null;
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

    /** The covered actions whose result did not reproduce; empty unless the review withdraws its claim. */
    public List<UUID> quarantinedActions() {
        return quarantinedActions == null ? List.of() : quarantinedActions;
    }

    public boolean withdrawn() {
        return !quarantinedActions().isEmpty();
    }

    /**
     * The covered results far outside earlier runs of their configuration, with review's comparison; empty unless
     * the review holds its claim for a human.
     */
    public List<ResultAnomaly> anomalies() {
        return anomalies == null ? List.of() : anomalies;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
