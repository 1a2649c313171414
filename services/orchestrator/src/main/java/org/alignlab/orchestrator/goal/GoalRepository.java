package org.alignlab.orchestrator.goal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    private static final Sort NEWEST = Sort.descending("createdAt").and("id");

    /**
     * The goal, locked until the transaction ends: events of one goal arrive on three consumers at once, and
     * each must see the others' evidence before it decides whether the round is settled.
     */
    public Optional<Goal> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Everyone's goals, newest first, optionally of one status. */
    public List<Goal> listNewest(GoalStatus status, int limit) {
        var query = status == null ? findAll(NEWEST) : find("status", NEWEST, status);
        return query.page(0, limit).list();
    }

    /** One owner's goals, newest first, optionally of one status. */
    public List<Goal> listNewestOf(String owner, GoalStatus status, int limit) {
        var query = status == null ? find("owner", NEWEST, owner)
                : find("owner = ?1 and status = ?2", NEWEST, owner, status);
        return query.page(0, limit).list();
    }

    /**
     * How many of {@code owner}'s goals are running, counted under a lock on that owner held until the transaction
     * ends: two goals created at once by one researcher are counted one after the other, so neither slips past the
     * limit.
     */
    public long countRunningOfLocked(String owner) {
        // Advisory locks span the database; the two-key form with a class of our own keeps clear of other users.
        getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock("
                + "hashtext('orchestrator.goals.owner'), hashtext(?1))")
                .setParameter(1, owner)
                .getSingleResult();
        return count("owner = ?1 and status = ?2", owner, GoalStatus.RUNNING);
    }

    /** Running goals past their wall-clock deadline or their round's deadline. */
    public List<UUID> idsDue(Instant now) {
        return getEntityManager()
                .createQuery("select g.id from Goal g where g.status = :running"
                        + " and (g.deadlineAt <= :now or g.roundDeadlineAt <= :now)", UUID.class)
                .setParameter("running", GoalStatus.RUNNING)
                .setParameter("now", now)
                .getResultList();
    }

    public Map<GoalStatus, Long> countByStatus() {
        Map<GoalStatus, Long> counts = new EnumMap<>(GoalStatus.class);
        for (GoalStatus status : GoalStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager()
                .createQuery("select g.status, count(g) from Goal g group by g.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((GoalStatus) row[0], (Long) row[1]));
        return counts;
    }
}
