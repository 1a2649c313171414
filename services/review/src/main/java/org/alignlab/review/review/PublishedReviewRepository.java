package org.alignlab.review.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PublishedReviewRepository implements PanacheRepositoryBase<PublishedReview, UUID> {

    public List<PublishedReview> findByGoal(UUID goalId) {
        return list("goalId", Sort.by("createdAt").and("claimId"), goalId);
    }

    public Optional<PublishedReview> firstUnpublished(UUID goalId) {
        return find("goalId = ?1 and publishedAt is null", Sort.by("createdAt").and("claimId"), goalId)
                .firstResultOptional();
    }
}
