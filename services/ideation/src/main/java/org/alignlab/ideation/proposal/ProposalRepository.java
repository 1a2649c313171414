package org.alignlab.ideation.proposal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<StoredProposal, UUID> {

    public List<StoredProposal> findByRound(UUID goalId, int round) {
        return list("goalId = ?1 and round = ?2", Sort.by("ordinal"), goalId, round);
    }

    public List<StoredProposal> findByGoal(UUID goalId) {
        return list("goalId", Sort.by("round").and("ordinal"), goalId);
    }
}
