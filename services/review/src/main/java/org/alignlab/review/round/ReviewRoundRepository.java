package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReviewRoundRepository implements PanacheRepositoryBase<ReviewRound, UUID> {

    public Optional<ReviewRound> find(UUID goalId, int round) {
        return findByIdOptional(ReviewRound.idOf(goalId, round));
    }

    /** The goal's latest baseline before {@code round}, for a round that ran no baseline of its own. */
    public Optional<ReviewRound> latestWithBaselineBefore(UUID goalId, int round) {
        return find("goalId = ?1 and round < ?2 and baselineId is not null", Sort.descending("round"), goalId, round)
                .firstResultOptional();
    }
}
