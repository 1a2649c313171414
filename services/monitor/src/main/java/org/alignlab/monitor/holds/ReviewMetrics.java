package org.alignlab.monitor.holds;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.Decision;

/**
 * The review queue as an operator watches it: decisions reviewers made, and how many holds are open and how long
 * the oldest has waited (an alert when reviewers fall behind, before holds start timing out). Every series exists
 * from startup.
 */
@ApplicationScoped
@Startup
class ReviewMetrics {

    private final Map<Decision, Counter> humanDecisions = new EnumMap<>(Decision.class);
    private final AtomicLong openHolds = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    ReviewMetrics(MeterRegistry registry) {
        for (ReviewerDecisions.Choice choice : ReviewerDecisions.Choice.values()) {
            humanDecisions.put(choice.decision, registry.counter(MetricNames.HUMAN_DECISIONS,
                    MetricNames.TAG_DECISION, choice.decision.name()));
        }
        Gauge.builder(MetricNames.HELD_ACTIONS, openHolds, AtomicLong::get).register(registry);
        Gauge.builder(MetricNames.HELD_OLDEST_AGE, oldestAgeSeconds, AtomicLong::get).register(registry);
    }

    void onClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) HoldResolver.HoldClosed closed) {
        if (closed.status() == HeldAction.Status.APPROVED || closed.status() == HeldAction.Status.DENIED) {
            humanDecisions.get(closed.decision()).increment();
        }
    }

    /** @param oldestAgeSeconds 0 when no hold is open */
    void openHolds(long count, long oldestAgeSeconds) {
        this.openHolds.set(count);
        this.oldestAgeSeconds.set(oldestAgeSeconds);
    }
}
