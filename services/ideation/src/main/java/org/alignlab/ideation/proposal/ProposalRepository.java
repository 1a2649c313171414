package org.alignlab.ideation.proposal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<StoredProposal, UUID> {

    /** Whether the round's actions were proposed (and committed) before. */
    public boolean hasRound(UUID goalId, int round) {
        return count("goalId = ?1 and round = ?2", goalId, round) > 0;
    }

    public List<StoredProposal> findByGoal(UUID goalId) {
        return list("goalId", Sort.by("round").and("ordinal"), goalId);
    }
}
