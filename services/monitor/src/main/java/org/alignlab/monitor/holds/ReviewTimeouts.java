package org.alignlab.monitor.holds;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.audit.AuditLog;
import org.alignlab.monitor.config.MonitorConfig;
import org.alignlab.monitor.gate.TrustedVariants;
import org.jboss.logging.Logger;

/**
 * Ends holds nobody decided within {@code alignlab.monitor.review.timeout} with the configured outcome, BLOCK or
 * DEFER_TO_TRUSTED: an unreviewed action never runs as proposed. Each hold ends in its own transaction, locked with
 * {@code SKIP LOCKED} and re-checked, so a reviewer deciding it at the same moment wins and the sweep moves on.
 * Also keeps the open-hold gauges current.
 */
@ApplicationScoped
public class ReviewTimeouts {

    static final String DECIDED_BY = "review-timeout";
    static final long SWEEP_SECONDS = 5;
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ReviewTimeouts.class);

    private final HeldActionRepository holds;
    private final HoldResolver resolver;
    private final ReviewMetrics metrics;
    private final Duration timeout;
    private final Decision outcome;
    private final TrustedVariants variants = new TrustedVariants();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "review-timeouts"));

    ReviewTimeouts(HeldActionRepository holds, HoldResolver resolver, ReviewMetrics metrics, MonitorConfig config) {
        this.holds = holds;
        this.resolver = resolver;
        this.metrics = metrics;
        this.timeout = config.review().timeout();
        this.outcome = checkedOutcome(config.review());
    }

    /**
     * The configured timeout outcome, checked when the monitor starts: one that would let an action nobody reviewed
     * run as proposed (ALLOW), or a timeout that is not positive, stops the monitor with a message naming the key.
     */
    public static Decision checkedOutcome(MonitorConfig.Review review) {
        if (!Set.of(Decision.BLOCK, Decision.DEFER_TO_TRUSTED).contains(review.timeoutOutcome())) {
            throw new IllegalArgumentException("alignlab.monitor.review.timeout-outcome must be BLOCK or "
                    + "DEFER_TO_TRUSTED, not " + review.timeoutOutcome()
                    + ": a hold nobody reviewed must never run as proposed");
        }
        if (review.timeout().isNegative() || review.timeout().isZero()) {
            throw new IllegalArgumentException("alignlab.monitor.review.timeout must be positive, not "
                    + review.timeout());
        }
        return review.timeoutOutcome();
    }

    void start(@Observes StartupEvent startup) {
        thread.scheduleWithFixedDelay(this::sweepSafely, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    private void sweepSafely() {
        try {
            sweepAsOf(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("review timeout sweep will retry: %s", e.toString());
        }
    }

    /**
     * Ends every hold that is overdue at {@code now}, then refreshes the gauges. Public so that a test can sweep as
     * of a later time than the real clock's.
     *
     * @return how many holds it ended
     */
    public int sweepAsOf(Instant now) {
        Instant heldBy = now.minus(timeout);
        int ended = 0;
        List<UUID> overdue;
        do {
            overdue = QuarkusTransaction.requiringNew().call(() -> holds.openSince(heldBy, BATCH));
            for (UUID actionId : overdue) {
                ended += endIfStillHeld(actionId) ? 1 : 0;
            }
        } while (overdue.size() == BATCH);
        HeldActionRepository.OpenHolds open = QuarkusTransaction.requiringNew().call(holds::open);
        metrics.openHolds(open.count(), open.oldestHeldAt() == null ? 0
                : Math.max(0, Duration.between(open.oldestHeldAt(), now).toSeconds()));
        return ended;
    }

    private boolean endIfStillHeld(UUID actionId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> holds.lockUnlessBusy(actionId)
                    .filter(hold -> hold.status() == HeldAction.Status.HELD)
                    .map(hold -> {
                        AgentAction action = resolver.action(hold);
                        resolver.resolve(hold, action, resolution(hold, action));
                        return true;
                    }).orElse(false));
        } catch (RuntimeException e) {
            // One hold that cannot be ended must not keep the others open; it is tried again next sweep.
            LOG.errorf(e, "could not end the overdue hold of action %s", actionId);
            return false;
        }
    }

    private HoldResolver.Resolution resolution(HeldAction hold, AgentAction action) {
        String waited = "held since " + hold.heldAt() + ", no reviewer decision within " + timeout;
        Optional<AgentAction> replacement = outcome == Decision.DEFER_TO_TRUSTED
                ? variants.replacementFor(action) : Optional.empty();
        Decision decision = outcome;
        String detail = waited + ": " + outcome;
        if (outcome == Decision.DEFER_TO_TRUSTED && replacement.isEmpty()) {
            decision = Decision.BLOCK;
            detail = waited + ": BLOCK, because DEFER_TO_TRUSTED is configured but the action has no trusted variant";
        }
        return new HoldResolver.Resolution(HeldAction.Status.TIMED_OUT, decision, AuditLog.REVIEW_TIMEOUT,
                AuditLog.MONITOR, DECIDED_BY, detail, replacement);
    }
}
