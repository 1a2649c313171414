package org.alignlab.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alignlab.contracts.MetricNames;
import org.alignlab.platform.messaging.AckedSend;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in id order and marks them sent, in one transaction per batch: rows are
 * marked only after the broker acknowledged every one, so a crash re-sends (consumers are idempotent) and never
 * loses. One thread per replica keeps per-key order; {@code SKIP LOCKED} keeps two replicas off the same rows.
 * Woken as soon as a writing transaction commits, and every {@link #POLL_MILLIS} in case a wake-up was missed or
 * the broker was down. Runs only in a service that provides {@link OutboxChannels}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 500;
    static final long POLL_MILLIS = 500;

    @Inject
    Outbox outbox;
    @Inject
    Instance<OutboxChannels> channels;
    @Inject
    MeterRegistry meters;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "outbox-relay"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    void start(@Observes StartupEvent startup) {
        if (!channels.isResolvable()) {
            return;
        }
        // Counted when scraped, not after every drain: the relay's own path stays one query per batch.
        Gauge.builder(MetricNames.OUTBOX_PENDING, outbox, OutboxRelay::countPending).register(meters);
        thread.scheduleWithFixedDelay(this::drainSafely, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (wakeQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeQueued.set(false);
                drainSafely();
            });
        }
    }

    private void drainSafely() {
        try {
            while (sendBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay will retry: %s", e.toString());
        }
    }

    private static double countPending(Outbox outbox) {
        try {
            return QuarkusTransaction.requiringNew().call(outbox::pending);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private int sendBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            outbox.relaxCommit();
            List<OutboxEntry> rows = outbox.lockPending(BATCH);
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (OutboxEntry row : rows) {
                acks.add(send(row));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .orTimeout(AckedSend.ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            Instant now = Instant.now();
            rows.forEach(row -> row.markPublished(now));
            return rows.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEntry row) {
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build());
        if (row.traceId() != null) {
            metadata = metadata.with(TracingMetadata.withCurrent(writerContext(row)));
        }
        return AckedSend.async(channels.get().forTopic(row.topic()), Message.of(row.payload(), metadata));
    }

    private static Context writerContext(OutboxEntry row) {
        SpanContext parent = SpanContext.createFromRemoteParent(row.traceId(), row.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault());
        return Context.root().with(Span.wrap(parent));
    }
}
