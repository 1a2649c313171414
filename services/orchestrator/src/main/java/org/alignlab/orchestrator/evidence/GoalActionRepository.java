package org.alignlab.orchestrator.evidence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class GoalActionRepository implements PanacheRepositoryBase<GoalAction, UUID> {

    /** The goal's actions in the order the orchestrator first heard of them. */
    public List<GoalAction> listByGoal(UUID goalId) {
        return list("goalId", Sort.ascending("firstSeenAt", "actionId"), goalId);
    }

    /**
     * Experiments ideation proposed and CPU seconds every run consumed, per goal, in one query; a goal without
     * actions is absent. Index 0 is the experiment count, index 1 the CPU seconds.
     */
    public Map<UUID, double[]> spendingByGoals(Collection<UUID> goalIds) {
        Map<UUID, double[]> spending = new HashMap<>();
        if (goalIds.isEmpty()) {
            return spending;
        }
        getEntityManager()
                .createQuery("select a.goalId, sum(case when a.agent = 'IDEATION' then 1 else 0 end),"
                        + " coalesce(sum(a.resultCpuSeconds), 0) from GoalAction a where a.goalId in :ids"
                        + " group by a.goalId", Object[].class)
                .setParameter("ids", goalIds)
                .getResultList()
                .forEach(row -> spending.put((UUID) row[0],
                        new double[] {((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue()}));
        return spending;
    }

    public long countByGoal(UUID goalId) {
        return count("goalId", goalId);
    }

    /** Action counts of several goals in one query; a goal without actions is absent. */
    public Map<UUID, Long> countByGoals(Collection<UUID> goalIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (goalIds.isEmpty()) {
            return counts;
        }
        getEntityManager()
                .createQuery("select a.goalId, count(a) from GoalAction a where a.goalId in :ids group by a.goalId",
                        Object[].class)
                .setParameter("ids", goalIds)
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }
}
