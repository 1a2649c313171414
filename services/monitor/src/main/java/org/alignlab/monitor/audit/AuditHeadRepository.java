package org.alignlab.monitor.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

@ApplicationScoped
public class AuditHeadRepository implements PanacheRepositoryBase<AuditHead, String> {

    /** Created by migration V5 with append-only privileges on the audit tables. */
    public static final String APPLICATION_ROLE = "alignlab_monitor_app";

    /**
     * Locks a chain's head row for the rest of the transaction ({@code SELECT ... FOR UPDATE}): a concurrent
     * append waits here and then reads the head this one leaves, so the chain can never fork. Also makes this
     * transaction's commit synchronous, whatever the server default: nothing may act on an audit record
     * that a crash could still lose. And it drops to {@link #APPLICATION_ROLE} for the rest of the transaction,
     * which may append audit records but never change or remove them.
     */
    public AuditHead lockForAppend(String chain) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = on");
                statement.execute("SET LOCAL ROLE " + APPLICATION_ROLE);
            }
        });
        AuditHead head = findById(chain, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit chain '" + chain + "' has no head row; migrations not applied?");
        }
        return head;
    }
}
