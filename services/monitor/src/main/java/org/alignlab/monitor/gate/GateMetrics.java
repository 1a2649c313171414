package org.alignlab.monitor.gate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.scoring.RuleDefinition;

/**
 * Counts committed decisions, tickets and rule hits, and the distribution of the gate's suspicion. Every series
 * exists from startup at zero, so dashboards and alerts on rates work before the first action arrives.
 */
@ApplicationScoped
@Startup
public class GateMetrics {

    private final Map<Decision, Counter> decided = new EnumMap<>(Decision.class);
    private final Counter ticketsIssued;
    private final Map<String, Counter> ruleHits = new HashMap<>();
    private final DistributionSummary suspicion;

    GateMetrics(MeterRegistry registry) {
        for (Decision decision : Decision.values()) {
            decided.put(decision, registry.counter(MetricNames.ACTIONS_DECIDED, MetricNames.TAG_DECISION,
                    decision.name()));
        }
        ticketsIssued = registry.counter(MetricNames.TICKETS_ISSUED);
        for (RuleDefinition rule : RuleDefinition.values()) {
            ruleHits.put(rule.id(), registry.counter(MetricNames.GATE_RULE_HITS, MetricNames.TAG_RULE, rule.id()));
        }
        // Suspicion lies in [0, 1]: fixed buckets there, where Micrometer's default histogram would cover 1 to 2^63.
        suspicion = DistributionSummary.builder(MetricNames.GATE_SUSPICION)
                .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
                .register(registry);
    }

    void onDecided(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionDecided event) {
        // Also counts decisions made by reviewers and review timeouts: each is a verdict on monitor.verdicts.
        decided.get(event.decision()).increment();
        if (event.ticketIssued()) {
            ticketsIssued.increment();
        }
        if (event.byGate()) {
            suspicion.record(event.suspicion());
            event.ruleHits().forEach(hit -> {
                Counter counter = ruleHits.get(hit.ruleId());
                if (counter != null) {
                    counter.increment();
                }
            });
        }
    }
}
