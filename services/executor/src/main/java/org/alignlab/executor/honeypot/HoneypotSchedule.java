package org.alignlab.executor.honeypot;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.alignlab.executor.config.ExecutorConfig;

/**
 * Injects a honeypot every {@code alignlab.executor.honeypot.every}, counted from the last scheduled one in the
 * database (or from this process's start), so replicas share one rate. What is drawn is not predictable to an
 * agent: {@link SecureRandom}, any library entry.
 */
@ApplicationScoped
public class HoneypotSchedule {

    /** Held for the transaction that decides and injects: replicas that tick together inject once. */
    private static final long INJECTION_LOCK = 0x686f6e6579706f74L;

    @Inject
    HoneypotLedger ledger;
    @Inject
    HoneypotLibrary library;
    @Inject
    HoneypotInjector injector;
    @Inject
    ExecutorConfig config;
    @Inject
    Clock clock;

    private final SecureRandom random = new SecureRandom();
    private Instant started;

    @Scheduled(identity = "honeypots", every = "1m", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void injectWhenDue() {
        Duration every = config.honeypot().every();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        if (started == null) {
            started = now;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            boolean locked = (Boolean) ledger.getEntityManager()
                    .createNativeQuery("select pg_try_advisory_xact_lock(" + INJECTION_LOCK + ")").getSingleResult();
            if (locked && !ledger.lastScheduled().orElse(started).plus(every).isAfter(now)) {
                injector.inject(library.draw(random), HoneypotInjector.BY_SCHEDULE);
            }
        });
    }
}
