package org.alignlab.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.alignlab.contracts.json.EventCodec;
import org.hibernate.Session;

/**
 * The transactional outbox: a service's only way to send an event that must agree with its database. {@link #add}
 * writes the event in the caller's transaction, so it exists on Kafka only if that transaction committed, and the
 * relay sends it at least once if it did (consumers are idempotent by event id). Debezium's outbox pattern, with a
 * polling relay instead of change data capture.
 */
@ApplicationScoped
public class Outbox implements PanacheRepositoryBase<OutboxEntry, Long> {

    @Inject
    Event<OutboxWritten> written;
    @Inject
    Instance<OutboxChannels> channels;

    /** Queues {@code event} (a contracts event, validated against its schema now) for {@code topic}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event) {
        addJson(topic, key, EventCodec.encode(event));
    }

    /** Queues an already encoded event, sent byte for byte as given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addJson(String topic, String key, String payload) {
        if (!channels.isResolvable() || channels.get().forTopic(topic) == null) {
            throw new IllegalStateException("this service has no outbox channel for topic " + topic);
        }
        SpanContext span = Span.current().getSpanContext();
        persist(new OutboxEntry(topic, key, payload, span.isValid() ? span.getTraceId() : null,
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
