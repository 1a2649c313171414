package org.alignlab.orchestrator.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GoalReviewRepository implements PanacheRepositoryBase<GoalReview, UUID> {

    /** The goal's reviews in the order they arrived. */
    public List<GoalReview> listByGoal(UUID goalId) {
        return list("goalId", Sort.ascending("receivedAt", "claimId"), goalId);
    }
}
