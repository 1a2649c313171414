package org.alignlab.monitor.audit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.alignlab.contracts.MetricNames;

/** Counts committed audit records by type. */
@ApplicationScoped
public class AuditMetrics {

    static final String TAG_TYPE = "type";

    @Inject
    MeterRegistry registry;

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditAppended appended) {
        registry.counter(MetricNames.AUDIT_RECORDS, TAG_TYPE, appended.type()).increment();
    }
}
