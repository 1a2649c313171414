package org.alignlab.review.round;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;

/** A claim (its id is the candidate's action id) and, once decided, the statistics behind its verdict. */
@Entity
@Table(name = "claims")
public class StoredClaim {

    @Id
    public UUID claimId;

    public UUID goalId;

    public int round;

    public UUID candidateActionId;

    public UUID baselineActionId;

    public String metric;

    public boolean higherIsBetter;

    public String verdict;

    public Double pValue;

    @Column(name = "adjusted_p")
    public Double adjustedP;

    public Double validationGain;

    @Column(name = "validation_p")
    public Double validationP;

    public Double heldoutGain;

    @Column(name = "hedges_g")
    public Double hedgesG;

    public Boolean overfitToProxy;

    public Instant createdAt;

    public Instant decidedAt;

    /** When its review was withdrawn because a result behind it is quarantined. */
    public Instant withdrawnAt;

    /** When its review was held for a human because a result behind it is anomalous against history. */
    public Instant heldAt;

    /** The claim's review was held: it is inconclusive, and its p-value leaves the goal's BH family. */
    public void hold(Instant now) {
        verdict = ReviewVerdict.INCONCLUSIVE.name();
        heldAt = now;
    }

    /** The claim's review was withdrawn: it is rejected, and its p-value leaves the goal's BH family. */
    public void withdraw(Instant now) {
        verdict = ReviewVerdict.REJECTED.name();
        withdrawnAt = now;
    }

    RoundPlan.PlannedClaim planned() {
        return new RoundPlan.PlannedClaim(candidateActionId, baselineActionId, metric, higherIsBetter);
    }
}
