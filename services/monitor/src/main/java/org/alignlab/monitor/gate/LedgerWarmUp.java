package org.alignlab.monitor.gate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.alignlab.monitor.config.MonitorConfig;

/**
 * Fills the audit-budget ledger from the newest stored verdicts at startup, so a restart does not reset the
 * thresholds to their floors or forget how much of the budget is in use.
 */
@ApplicationScoped
class LedgerWarmUp {

    @Inject
    AuditBudgetLedger ledger;
    @Inject
    VerdictRepository verdicts;
    @Inject
    MonitorConfig config;

    void warmUp(@Observes StartupEvent startup) {
        List<StoredVerdict> recent = QuarkusTransaction.requiringNew()
                .call(() -> verdicts.newest(config.control().window()));
        for (StoredVerdict verdict : recent) {
            if (verdict.suspicion() != null) {
                ledger.record(verdict.decision(), verdict.suspicion(), verdict.calibrates());
            }
        }
    }
}
