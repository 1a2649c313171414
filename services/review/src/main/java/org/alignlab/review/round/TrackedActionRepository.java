package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrackedActionRepository implements PanacheRepositoryBase<TrackedAction, UUID> {

    public List<TrackedAction> listByGoal(UUID goalId) {
        return list("goalId", goalId);
    }

    /** Rounds with runs but no plan yet: re-examined by the sweeper once their quiet period has passed. */
    public List<Object[]> unplannedRounds() {
        return getEntityManager().createQuery("select distinct t.goalId, t.round from TrackedAction t "
                + "where t.round is not null and t.agent in ('IDEATION', 'TRUSTED') and not exists "
                + "(select r.roundId from ReviewRound r where r.goalId = t.goalId and r.round = t.round)",
                Object[].class).getResultList();
    }

    /** The row of an action, created empty when this is the first review hears of it. */
    public TrackedAction findOrCreate(UUID actionId, UUID goalId, Instant now) {
        return findByIdOptional(actionId).orElseGet(() -> {
            TrackedAction created = new TrackedAction();
            created.actionId = actionId;
            created.goalId = goalId;
            created.firstSeenAt = now;
            persist(created);
            return created;
        });
    }
}
