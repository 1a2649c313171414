package org.alignlab.monitor.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.alignlab.contracts.json.EventCodec;
import org.hibernate.Session;

/**
 * The monitor's only way to send a decision: rows written in the deciding transaction, so a verdict or ticket
 * exists on Kafka only if the audit records behind it committed, and is sent at least once if they did.
 */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxEntry, Long> {

    private final Event<OutboxWritten> written;

    Outbox(Event<OutboxWritten> written) {
        this.written = written;
    }

    /** Queues an event for {@code topic}, validated against its schema now rather than at send time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event) {
        SpanContext span = Span.current().getSpanContext();
        persist(new OutboxEntry(topic, key, EventCodec.encode(event), span.isValid() ? span.getTraceId() : null,
                span.isValid() ? span.getSpanId() : null, Instant.now()));
        written.fire(OutboxWritten.INSTANCE);
    }

    /** The oldest unsent rows, locked so that a second relay (another replica) skips rather than duplicates them. */
    List<OutboxEntry> lockPending(int limit) {
        return find("publishedAt is null order by id").withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .range(0, limit - 1).list();
    }

    /**
     * Lets this transaction commit without waiting for its WAL flush. Only for marking rows sent: a mark lost in a
     * crash means one more send of a message whose consumers are idempotent, never a lost message.
     */
    void relaxCommit() {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
        });
    }

    long pending() {
        return count("publishedAt is null");
    }

    /** Fired in the writing transaction; the relay wakes when it commits. */
    public enum OutboxWritten {
        INSTANCE
    }
}
