package org.alignlab.review.published;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PublishedReviewRepository implements PanacheRepositoryBase<PublishedReview, UUID> {

    public List<PublishedReview> findByGoal(UUID goalId) {
        return list("goalId", Sort.by("createdAt").and("claimId"), goalId);
    }
}
