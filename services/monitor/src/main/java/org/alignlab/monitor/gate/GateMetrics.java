package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.Decision;

/**
 * Counts committed decisions and tickets. Every series exists from startup at zero, so dashboards and alerts
 * on rates work before the first action arrives.
 */
@ApplicationScoped
@Startup
public class GateMetrics {

    private final Map<Decision, Counter> decided = new EnumMap<>(Decision.class);
    private final Counter ticketsIssued;

    GateMetrics(MeterRegistry registry) {
        for (Decision decision : Decision.values()) {
            decided.put(decision, registry.counter(MetricNames.ACTIONS_DECIDED, MetricNames.TAG_DECISION, decision.name()));
        }
        ticketsIssued = registry.counter(MetricNames.TICKETS_ISSUED);
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionDecided event) {
        // Also counts decisions made by reviewers and review timeouts: each is a verdict on monitor.verdicts.
        decided.get(event.decision()).increment();
        if (event.ticketIssued()) {
            ticketsIssued.increment();
        }
    }
}
