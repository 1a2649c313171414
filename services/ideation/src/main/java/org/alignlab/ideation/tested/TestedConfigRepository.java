package org.alignlab.ideation.tested;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TestedConfigRepository implements PanacheRepositoryBase<TestedConfig, UUID> {

    public List<TestedConfig> findByGoal(UUID goalId) {
        return list("goalId", Sort.by("proposedAt").and("actionId"), goalId);
    }
}
