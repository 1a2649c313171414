package org.alignlab.monitor.gate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.alignlab.monitor.config.MonitorConfig;

/**
 * Fills the audit-budget ledger from the newest stored verdicts at startup, so a restart does not reset the
 * thresholds to their floors or forget how much of the budget is in use.
 */
@ApplicationScoped
class LedgerWarmUp {

    private final AuditBudgetLedger ledger;
    private final VerdictRepository verdicts;
    private final int window;

    LedgerWarmUp(AuditBudgetLedger ledger, VerdictRepository verdicts, MonitorConfig config) {
        this.ledger = ledger;
        this.verdicts = verdicts;
        this.window = config.control().window();
    }

    void warmUp(@Observes StartupEvent startup) {
        List<StoredVerdict> recent = QuarkusTransaction.requiringNew().call(() -> verdicts.newest(window));
        for (StoredVerdict verdict : recent) {
            if (verdict.suspicion() != null) {
                ledger.record(verdict.decision(), verdict.suspicion(), verdict.calibrates());
            }
        }
    }
}
