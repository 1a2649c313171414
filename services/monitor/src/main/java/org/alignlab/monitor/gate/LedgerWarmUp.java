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
 * thresholds to their floors or forget how much of the budget is in use. The verdicts are replayed through
 * {@link AuditBudgetLedger#record}, so the window is warmed by the rules it keeps live: censored at the thresholds
 * then in force, capped per goal and agent.
 */
@ApplicationScoped
class LedgerWarmUp {

    /**
     * Under the caps a flood evicts its own entries, not the window's history, so the live window can hold decisions
     * older than the last {@code window}. Replaying several windows' worth brings those back unless a flood went on
     * for longer.
     */
    static final int WINDOWS_REPLAYED = 5;

    @Inject
    AuditBudgetLedger ledger;
    @Inject
    VerdictRepository verdicts;
    @Inject
    MonitorConfig config;

    void warmUp(@Observes StartupEvent startup) {
        List<StoredVerdict> recent = QuarkusTransaction.requiringNew()
                .call(() -> verdicts.newest(config.control().window() * WINDOWS_REPLAYED));
        for (StoredVerdict verdict : recent) {
            if (verdict.suspicion() != null) {
                ledger.record(verdict.ledgerEntry());
            }
        }
    }
}
