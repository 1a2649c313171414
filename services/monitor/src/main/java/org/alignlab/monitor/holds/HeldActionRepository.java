package org.alignlab.monitor.holds;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class HeldActionRepository implements PanacheRepositoryBase<HeldAction, UUID> {

    /** Open holds now: how many, and since when the oldest has waited (null when none). */
    record OpenHolds(long count, Instant oldestHeldAt) {
    }

    /** Holds in {@code status}, oldest first, optionally of one goal and held at or before {@code heldBy}. */
    List<HeldAction> list(HeldAction.Status status, UUID goalId, Instant heldBy, int limit) {
        StringBuilder query = new StringBuilder("status = :status");
        Parameters parameters = Parameters.with("status", status);
        if (goalId != null) {
            query.append(" and goalId = :goalId");
            parameters.and("goalId", goalId);
        }
        if (heldBy != null) {
            query.append(" and heldAt <= :heldBy");
            parameters.and("heldBy", heldBy);
        }
        return find(query.toString(), Sort.by("heldAt").and("actionId"), parameters).range(0, limit - 1).list();
    }

    /** The hold, locked until the transaction ends; waits for whoever holds the lock now. */
    Optional<HeldAction> lockForDecision(UUID actionId) {
        return findByIdOptional(actionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The hold, locked, unless someone else has it locked (a reviewer deciding it right now): then empty. */
    Optional<HeldAction> lockUnlessBusy(UUID actionId) {
        return find("actionId", actionId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .firstResultOptional();
    }

    /** Ids of open holds held at or before {@code heldBy}, oldest first. */
    List<UUID> openSince(Instant heldBy, int limit) {
        return getEntityManager().createQuery("select h.actionId from HeldAction h where h.status = :status"
                + " and h.heldAt <= :heldBy order by h.heldAt, h.actionId", UUID.class)
                .setParameter("status", HeldAction.Status.HELD).setParameter("heldBy", heldBy)
                .setMaxResults(limit).getResultList();
    }

    OpenHolds open() {
        Object[] row = getEntityManager().createQuery("select count(h), min(h.heldAt) from HeldAction h"
                + " where h.status = :status", Object[].class)
                .setParameter("status", HeldAction.Status.HELD).getSingleResult();
        return new OpenHolds((Long) row[0], (Instant) row[1]);
    }
}
