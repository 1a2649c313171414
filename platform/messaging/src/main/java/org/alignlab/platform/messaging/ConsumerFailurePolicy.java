package org.alignlab.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.json.EventCodec;
import org.jboss.logging.Logger;

/**
 * The one place that decides, for every consumer of every service, whether a failed record is retried or
 * dead-lettered. A consumer hands its record over ({@link #consume}) and the policy runs the handler:
 * <ul>
 *   <li>a {@link FailureKind#POISON} record (schema-invalid, or declared so by its handler) is dead-lettered at once;
 *   <li>a {@link FailureKind#TRANSIENT} failure (database, broker or a service unreachable) is retried with backoff
 *       for as long as it takes: the record is fine, and dead-lettering it would count it as handled;
 *   <li>any other failure is retried up to {@code alignlab.messaging.max-attempts} times, then dead-lettered: it
 *       repeats for this record, so it is not transient, and retrying it for ever would stop the partition.
 * </ul>
 * Dead-lettering fires {@link DeadLettered}, counts {@code alignlab.dlq.messages} and throws
 * {@link DeadLetterException}, which the channel's {@code alignlab-policy} failure strategy sends to the DLQ with the
 * reason. Handlers must release whatever they take on every path: a retried record runs its handler again.
 */
@ApplicationScoped
public class ConsumerFailurePolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerFailurePolicy.class);
    /** Keeps a dead-letter-reason header readable, whatever a handler's exception message holds. */
    static final int MAX_REASON = 1000;

    private final RetrySettings config;
    private final MeterRegistry meters;
    private final Event<DeadLettered> deadLettered;
    private final Sleeper sleeper;
    private final EventAuthenticity authenticity;

    @Inject
    ConsumerFailurePolicy(MessagingConfig config, MeterRegistry meters, Event<DeadLettered> deadLettered,
            EventAuthenticity authenticity) {
        this(new RetrySettings(config.maxAttempts(), config.firstBackoff(), config.maxBackoff()), meters,
                deadLettered, Thread::sleep, authenticity);
    }

    ConsumerFailurePolicy(RetrySettings config, MeterRegistry meters, Event<DeadLettered> deadLettered,
            Sleeper sleeper, EventAuthenticity authenticity) {
        this.config = config;
        this.meters = meters;
        this.deadLettered = deadLettered;
        this.sleeper = sleeper;
        this.authenticity = authenticity;
    }

    /**
     * Decodes {@code payload} as {@code type} (a schema-invalid one is poison), checks that it comes from the one
     * service that may produce it ({@link EventAuthenticity}; a forged one is poison) and hands it to
     * {@code handler}.
     */
    public <T> void consume(String topic, String payload, Class<T> type, Consumer<T> handler) {
        run(topic, payload, () -> {
            T event = EventCodec.decode(payload, type);
            authenticity.check(event);
            handler.accept(event);
        });
    }

    /**
     * Runs {@code work} for one record under the policy: returns once it succeeded, or throws
     * {@link DeadLetterException} once the record is given up.
     */
    public void run(String topic, String payload, Runnable work) {
        int attempts = 0;
        Duration backoff = config.firstBackoff();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                FailureKind kind = FailureKind.of(e);
                if (kind == FailureKind.UNKNOWN) {
                    attempts++;
                }
                if (kind == FailureKind.POISON || attempts >= config.maxAttempts()) {
                    throw deadLetter(topic, payload, kind, attempts, e);
                }
                countRetry(topic, kind, 1);
                LOG.warnf("%s record failed (%s%s), retrying in %s: %s", topic, kind,
                        kind == FailureKind.UNKNOWN ? ", attempt " + attempts + " of " + config.maxAttempts() : "",
                        backoff, e.toString());
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    /**
     * Runs {@code all} for a batch of records under the policy: the batch as a whole while its failures are
     * transient; after any other failure, record by record ({@link #run} each), so one record that can never be
     * handled is dead-lettered ({@code deadLettered} gets it with the decision) and the rest of the batch still is.
     *
     * @param payload a record's value, for the dead-letter event
     */
    public <R> void runBatch(String topic, List<R> records, Function<R, String> payload, Consumer<List<R>> all,
            BiConsumer<R, DeadLetterException> deadLettered) {
        Duration backoff = config.firstBackoff();
        while (true) {
            try {
                all.accept(records);
                return;
            } catch (RuntimeException e) {
                if (FailureKind.of(e) != FailureKind.TRANSIENT || records.size() == 1) {
                    LOG.warnf("%s batch of %d failed (%s): %s; handling its records one by one", topic,
                            records.size(), FailureKind.of(e), e.toString());
                    break;
                }
                countRetry(topic, FailureKind.TRANSIENT, records.size());
                LOG.warnf("%s batch failed (TRANSIENT), retrying in %s: %s", topic, backoff, e.toString());
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                    : backoff.multipliedBy(2);
        }
        for (R record : records) {
            try {
                run(topic, payload.apply(record), () -> all.accept(List.of(record)));
            } catch (DeadLetterException dead) {
                deadLettered.accept(record, dead);
            }
        }
    }

    private void countRetry(String topic, FailureKind kind, int records) {
        meters.counter(MetricNames.CONSUMER_RETRIES, MetricNames.TAG_TOPIC, topic, MetricNames.TAG_KIND, kind.name())
                .increment(records);
    }

    /** Dead-letters a record now (a batch consumer's bad record), as the policy would. */
    public DeadLetterException deadLetter(String topic, String payload, String reason, Throwable cause) {
        String bounded = reason == null ? "unknown" : reason.length() > MAX_REASON
                ? reason.substring(0, MAX_REASON) + "…" : reason;
        LOG.errorf("%s record dead-lettered: %s", topic, bounded);
        meters.counter(MetricNames.DLQ_MESSAGES, MetricNames.TAG_TOPIC, topic).increment();
        deadLettered.fire(new DeadLettered(topic, payload, bounded));
        return new DeadLetterException(bounded, cause);
    }

    private DeadLetterException deadLetter(String topic, String payload, FailureKind kind, int attempts,
            RuntimeException e) {
        String reason = kind == FailureKind.POISON ? messageOf(e)
                : "failed " + attempts + " times: " + messageOf(e);
        return deadLetter(topic, payload, reason, e);
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private void pause(Duration backoff) {
        try {
            sleeper.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            // Stopping: leave the record uncommitted (the failure strategy stops the channel on anything but a
            // dead-letter decision), so it is delivered again after the restart.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a record; it stays on its topic", e);
        }
    }

    /** How many attempts an unknown failure gets, and the backoff between attempts. */
    record RetrySettings(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    }

    /** Waits between attempts; a test passes one that does not. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
