package org.alignlab.monitor.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.monitor.tickets.SigningKeys;
import org.alignlab.platform.messaging.AckedSend;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Signs the chain's committed head into the checkpoint history every N records or T seconds when it has grown,
 * and at least every heartbeat when it has not, then keeps the checkpoint in the witness and publishes it on
 * {@code audit.checkpoints}. The checkpoints live outside the database and are signed with a key the database never
 * sees, so whoever can rewrite the audit tables still cannot make them agree with history already signed.
 *
 * <p>Each checkpoint extends the newest one signed before (from the {@code checkpoint_head} row, the witness and
 * this replica's memory, whichever is newest and genuinely signed), and only after {@link ChainExtension} has
 * re-verified the records between the two, signatures included (for the first checkpoint, every record). When they
 * do not extend it, the monitor refuses to sign, counts it, logs it, and appends a {@code CHECKPOINT_REFUSED} record,
 * once per checkpoint it could not extend.
 */
@ApplicationScoped
public class CheckpointPublisher {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);
    static final long TICK_MILLIS = 250;
    public static final String CHECKPOINT_REFUSED = "CHECKPOINT_REFUSED";

    private final AuditHeadRepository heads;
    private final CheckpointHeadStore store;
    private final ChainExtension extension;
    private final CheckpointWitness witness;
    private final AuditLog auditLog;
    private final SigningKeys keys;
    private final Emitter<String> emitter;
    private final MonitorConfig.Checkpoints config;
    private final Counter published;
    private final Counter refused;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "audit-checkpoints"));
    /** The newest checkpoint this replica signed or saw, so a rolled-back row cannot take it backwards. */
    private volatile AuditCheckpoint newestKnown;
    /** Signed and kept, not yet acknowledged by Kafka: sent again before anything new is signed. */
    private AuditCheckpoint unsent;
    private long refusedAfter = -1;
    private long refusedHead = -1;

    CheckpointPublisher(AuditHeadRepository heads, CheckpointHeadStore store, ChainExtension extension,
            CheckpointWitness witness, AuditLog auditLog, SigningKeys keys,
            @Channel("audit-checkpoints") Emitter<String> emitter, MonitorConfig config, MeterRegistry meters) {
        this.heads = heads;
        this.store = store;
        this.extension = extension;
        this.witness = witness;
        this.auditLog = auditLog;
        this.keys = keys;
        this.emitter = emitter;
        this.config = config.checkpoints();
        this.published = meters.counter(MetricNames.CHECKPOINTS_PUBLISHED);
        this.refused = meters.counter(MetricNames.CHECKPOINTS_REFUSED);
        Gauge.builder(MetricNames.CHECKPOINT_AGE, this, CheckpointPublisher::ageSeconds).register(meters);
    }

    void start(@Observes StartupEvent startup) {
        thread.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    private void tickSafely() {
        try {
            if (unsent != null) {
                publish(unsent);
            }
            QuarkusTransaction.requiringNew().call(this::signIfDue).ifPresent(this::publish);
        } catch (RuntimeException e) {
            LOG.warnf("audit checkpoint will be retried: %s", e.toString());
        }
    }

    private void publish(AuditCheckpoint checkpoint) {
        unsent = checkpoint;
        AckedSend.send(emitter, checkpoint.chain(), EventCodec.encode(checkpoint));
        unsent = null;
        published.increment();
    }

    /** Under the {@code checkpoint_head} lock: signs, keeps and records the next checkpoint if one is due. */
    private Optional<AuditCheckpoint> signIfDue() {
        Optional<String> stored = store.lockAndRead(AuditLog.MAIN);
        AuditCheckpoint last = newestGenuine(stored);
        AuditHead head = heads.findById(AuditLog.MAIN);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (last == null ? head.seq() == 0 : !due(last, head, now)) {
            return Optional.empty();
        }
        Optional<String> problem = extension.problem(last, head.seq(), head.hash());
        if (problem.isPresent()) {
            refuse(last, head.seq(), problem.get());
            return Optional.empty();
        }
        AuditCheckpoint next = last == null
                ? AuditCheckpoint.first(AuditLog.MAIN, head.seq(), head.hash(), now, keys.keyId())
                : last.next(head.seq(), head.hash(), now);
        AuditCheckpoint signed = keys.sign(next);
        witness.keep(signed);
        store.save(AuditLog.MAIN, EventCodec.encode(signed));
        newestKnown = signed;
        return Optional.of(signed);
    }

    private boolean due(AuditCheckpoint last, AuditHead head, Instant now) {
        boolean grown = head.seq() != last.seq() || !head.hash().equals(last.hash());
        boolean byRecords = head.seq() - last.seq() >= config.everyRecords();
        boolean byTime = !now.isBefore(last.createdAt().plus(config.every()));
        boolean heartbeat = !now.isBefore(last.createdAt().plus(config.heartbeat()));
        return grown && (byRecords || byTime) || heartbeat;
    }

    /**
     * The newest genuinely signed checkpoint among the row, the witness and memory. The row is only the common
     * case: someone with database access can roll it back, never sign a newer one.
     */
    private AuditCheckpoint newestGenuine(Optional<String> stored) {
        AuditCheckpoint fromRow = stored.map(json -> EventCodec.decode(json, AuditCheckpoint.class))
                .filter(this::genuine).orElse(null);
        AuditCheckpoint newest = Stream.of(Optional.ofNullable(fromRow), witness.newest(AuditLog.MAIN)
                .filter(this::genuine), Optional.ofNullable(newestKnown))
                .flatMap(Optional::stream)
                .max(Comparator.comparingLong(AuditCheckpoint::checkpointSeq)).orElse(null);
        if (newest != null && (fromRow == null || fromRow.checkpointSeq() < newest.checkpointSeq())) {
            LOG.warnf("checkpoint_head holds %s, but checkpoint %d was signed: continuing from it",
                    fromRow == null ? "nothing signed" : "checkpoint " + fromRow.checkpointSeq(),
                    newest.checkpointSeq());
        }
        if (newestKnown == null && newest != null) {
            // A replica that stopped between signing and Kafka's acknowledgement left a gap on the topic; sending the
            // newest again closes it (a verifier counts the same checkpoint once).
            unsent = newest;
        }
        newestKnown = newest;
        return newest;
    }

    private boolean genuine(AuditCheckpoint checkpoint) {
        return AuditLog.MAIN.equals(checkpoint.chain()) && keys.verifier().verify(checkpoint);
    }

    /**
     * Counted and logged once per head it was asked to sign, recorded once per checkpoint it could not extend
     * ({@code last} null: the first checkpoint, whose head must extend the chain from its first record).
     */
    private void refuse(AuditCheckpoint last, long headSeq, String problem) {
        if (refusedHead == headSeq) {
            return;
        }
        refusedHead = headSeq;
        refused.increment();
        String extended = last == null ? "the chain from its first record" : "checkpoint " + last.checkpointSeq();
        LOG.errorf("refusing to sign the audit chain's head: it does not extend %s: %s", extended, problem);
        long lastSeq = last == null ? 0 : last.checkpointSeq();
        if (refusedAfter != lastSeq) {
            // The payload is the checkpoint the head failed to extend: what a reviewer compares the chain with.
            auditLog.append(new AuditFacts(CHECKPOINT_REFUSED, null, null, null, AuditLog.MONITOR, null,
                    last == null ? AuditCheckpoint.GENESIS : last.checkpointHash(), null, null, null, null,
                    "does not extend " + extended + ": " + problem));
            refusedAfter = lastSeq;
        }
    }

    private double ageSeconds() {
        AuditCheckpoint newest = newestKnown;
        return newest == null ? 0 : Duration.between(newest.createdAt(), clock.instant()).toMillis() / 1000.0;
    }
}
