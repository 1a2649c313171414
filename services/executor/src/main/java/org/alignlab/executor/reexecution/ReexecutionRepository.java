package org.alignlab.executor.reexecution;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code reexecutions} table. */
@ApplicationScoped
public class ReexecutionRepository implements PanacheRepositoryBase<Reexecution, UUID> {

    /** When the oldest re-execution still waiting to start was asked for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> oldestWaiting() {
        return find("status = ?1 order by requestedAt", Reexecution.Status.PENDING.name()).firstResultOptional()
                .map(row -> row.requestedAt);
    }

    /**
     * The oldest waiting re-run, or one whose runner died (its lease has passed), locked in the caller's transaction
     * for the caller to lease. Rows another process is taking are skipped, so replicas never run one twice at once.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reexecution> lockNext(Instant now) {
        return getEntityManager().createNativeQuery("""
                select * from {h-schema}reexecutions
                where status = 'PENDING' or (status = 'RUNNING' and lease_until < :now)
                order by requested_at
                limit 1
                for update skip locked""", Reexecution.class).setParameter("now", now).getResultStream()
                .findFirst();
    }
}
