package org.alignlab.review.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A claim (its id is the candidate's action id) and, once decided, the statistics behind its verdict. */
@Entity
@Table(name = "claims")
public class StoredClaim {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public int round;

    @Column(name = "candidate_action_id", nullable = false)
    public UUID candidateActionId;

    @Column(name = "baseline_action_id", nullable = false)
    public UUID baselineActionId;

    @Column(nullable = false)
    public String metric;

    @Column(name = "higher_is_better", nullable = false)
    public boolean higherIsBetter;

    public String verdict;

    @Column(name = "p_value")
    public Double pValue;

    @Column(name = "adjusted_p")
    public Double adjustedP;

    @Column(name = "validation_gain")
    public Double validationGain;

    @Column(name = "validation_p")
    public Double validationP;

    @Column(name = "heldout_gain")
    public Double heldoutGain;

    @Column(name = "hedges_g")
    public Double hedgesG;

    @Column(name = "overfit_to_proxy")
    public Boolean overfitToProxy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    RoundPlan.PlannedClaim planned() {
        return new RoundPlan.PlannedClaim(candidateActionId, baselineActionId, metric, higherIsBetter);
    }
}
