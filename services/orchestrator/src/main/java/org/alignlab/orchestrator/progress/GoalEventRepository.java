package org.alignlab.orchestrator.progress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GoalEventRepository implements PanacheRepositoryBase<GoalEvent, GoalEvent.Key> {

    /** The goal's events after {@code seq}, in order. */
    public List<GoalEvent> after(UUID goalId, long seq) {
        return list("goalId = ?1 and seq > ?2", Sort.ascending("seq"), goalId, seq);
    }
}
