package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StoredClaimRepository implements PanacheRepositoryBase<StoredClaim, UUID> {

    public List<StoredClaim> listByRound(UUID goalId, int round) {
        return list("goalId = ?1 and round = ?2", Sort.by("createdAt").and("claimId"), goalId, round);
    }

    /**
     * Held-out p-values of the goal's decided claims: the earlier members of its Benjamini–Hochberg family. A
     * withdrawn claim's p-value rests on a result that did not reproduce, and a false small one would loosen the
     * correction for the others, so it is left out; so is a held claim's, which rests on an anomalous result.
     */
    public List<Double> decidedPValues(UUID goalId) {
        return list("goalId = ?1 and decidedAt is not null and pValue is not null and withdrawnAt is null "
                + "and heldAt is null",
                Sort.by("decidedAt"), goalId)
                .stream().map(claim -> claim.pValue).toList();
    }
}
