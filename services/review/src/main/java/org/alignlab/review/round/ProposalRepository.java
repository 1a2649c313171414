package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    public Optional<Proposal> firstUnpublished(UUID goalId) {
        return find("goalId = ?1 and publishedAt is null", Sort.by("createdAt").and("actionId"), goalId)
                .firstResultOptional();
    }
}
