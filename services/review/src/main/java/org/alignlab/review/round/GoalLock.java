package org.alignlab.review.round;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.UUID;

/**
 * A goal's PostgreSQL advisory lock, held until the caller's transaction ends. It serialises the goal's events
 * (read on four consumer threads and the sweeper, across replicas too), so that one transaction at a time reads the
 * goal's rounds and moves them on: a round is planned once, its replications proposed once, its claims decided once.
 */
public final class GoalLock {

    private GoalLock() {
    }

    public static void acquire(UUID goalId) {
        Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, goalId.getMostSignificantBits() ^ goalId.getLeastSignificantBits())
                .getSingleResult();
    }
}
