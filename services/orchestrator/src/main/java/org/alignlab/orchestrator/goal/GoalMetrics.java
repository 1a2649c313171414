package org.alignlab.orchestrator.goal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.alignlab.contracts.MetricNames;

/** Counters of goals created and ended, and a gauge of goals by status. */
@ApplicationScoped
public class GoalMetrics {

    private final MeterRegistry registry;
    private final Map<GoalStatus, AtomicLong> byStatus = new EnumMap<>(GoalStatus.class);

    GoalMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (GoalStatus status : GoalStatus.values()) {
            byStatus.put(status,
                    registry.gauge(MetricNames.GOALS_BY_STATUS, Tags.of(MetricNames.TAG_STATUS, status.name()),
                            new AtomicLong()));
        }
    }

    public void goalCreated() {
        registry.counter(MetricNames.GOALS_CREATED).increment();
    }

    /** Counted only once the transaction that ended the goal has committed. */
    void goalEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) GoalEnded ended) {
        registry.counter(MetricNames.GOALS_COMPLETED, MetricNames.TAG_STATUS, ended.status().name()).increment();
    }

    public void refresh(Map<GoalStatus, Long> counts) {
        counts.forEach((status, count) -> byStatus.get(status).set(count));
    }
}
