package org.alignlab.monitor.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.platform.messaging.AckedSend;
import org.alignlab.monitor.tickets.SigningKeys;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes a signed statement of the chain's committed head on {@code audit.checkpoints} every N records or T
 * seconds, whichever comes first. The checkpoints live outside the database and are signed with a key the
 * database never sees, so whoever can rewrite the audit tables still cannot make them agree with history
 * already published.
 */
@ApplicationScoped
public class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);
    static final long TICK_MILLIS = 250;

    private final AuditHeadRepository heads;
    private final SigningKeys keys;
    private final Emitter<String> emitter;
    private final MonitorConfig.Checkpoints config;
    private final Counter published;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "audit-checkpoints"));
    private long lastSeq = -1;
    private Instant lastAt = Instant.EPOCH;

    CheckpointPublisher(AuditHeadRepository heads, SigningKeys keys,
            @Channel("audit-checkpoints") Emitter<String> emitter, MonitorConfig config, MeterRegistry meters) {
        this.heads = heads;
        this.keys = keys;
        this.emitter = emitter;
        this.config = config.checkpoints();
        this.published = meters.counter(MetricNames.CHECKPOINTS_PUBLISHED);
    }

    void start(@Observes StartupEvent startup) {
        thread.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warnf("audit checkpoint will be retried: %s", e.toString());
        }
    }

    private void tick() {
        AuditHead head = QuarkusTransaction.requiringNew().call(() -> heads.findById(AuditLog.MAIN));
        Instant now = clock.instant();
        boolean grown = head.seq() > lastSeq && head.seq() > 0;
        boolean due = head.seq() - lastSeq >= config.everyRecords() || !now.isBefore(lastAt.plus(config.every()));
        if (!grown || !due) {
            return;
        }
        AuditCheckpoint checkpoint = keys.sign(new AuditCheckpoint(head.chain(), head.seq(), head.hash(),
                now.truncatedTo(ChronoUnit.MILLIS), keys.keyId(), null));
        AckedSend.send(emitter, head.chain(), EventCodec.encode(checkpoint));
        lastSeq = head.seq();
        lastAt = now;
        published.increment();
    }
}
