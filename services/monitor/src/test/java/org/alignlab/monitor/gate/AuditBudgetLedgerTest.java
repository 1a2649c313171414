package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.config.MonitorConfig;
import org.junit.jupiter.api.Test;

class AuditBudgetLedgerTest {

    @Test
    void belowTheMinimumSampleTheThresholdsStayAtTheirFloors() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 1000, 100));
        for (int i = 0; i < 99; i++) {
            ledger.record(Decision.ALLOW, 0.99, true);
        }

        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.8, 0.5));
    }

    @Test
    void theHoldThresholdIsTheQuantileOfTheAuditBudgetWithinFloorAndCeiling() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 1000, 100));
        // 1000 scores 0.000, 0.001, ..., 0.999 in shuffled order: the 98th percentile is 0.979.
        Random random = new Random(7);
        int[] order = random.ints(0, 1000).distinct().limit(1000).toArray();
        for (int i : order) {
            ledger.record(Decision.ALLOW, i / 1000.0, true);
        }

        Thresholds thresholds = ledger.thresholds();
        assertThat(thresholds.hold()).isEqualTo(0.95); // 0.979 clamped to the ceiling
        assertThat(thresholds.defer()).isEqualTo(0.8); // 0.899 clamped to the defer ceiling
    }

    @Test
    void aQuietWindowKeepsTheFloorsSoRoutineWorkIsNotHeld() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 500, 100));
        for (int i = 0; i < 500; i++) {
            ledger.record(Decision.ALLOW, 0.01, true);
        }

        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.8, 0.5));
    }

    @Test
    void theQuantileMovesTheHoldThresholdBetweenFloorAndCeiling() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.10, 0.20, 100, 10));
        for (int i = 0; i < 100; i++) {
            ledger.record(Decision.ALLOW, i < 85 ? 0.1 : 0.85, true);
        }

        // 15 % of scores at 0.85: the 90th percentile is 0.85, the 80th 0.1 (raised to the defer floor).
        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.85, 0.5));
    }

    @Test
    void scoresThatDoNotCalibrateStillCountTowardsTheHeldShare() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 100, 10));
        for (int i = 0; i < 96; i++) {
            ledger.record(Decision.ALLOW, 0.01, true);
        }
        for (int i = 0; i < 4; i++) {
            ledger.record(Decision.HOLD, 1.0, false);
        }

        assertThat(ledger.heldShare()).isEqualTo(0.04);
        assertThat(ledger.budgetUsed()).isEqualTo(2.0);
        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.8, 0.5));
    }

    @Test
    void theHeldShareSlidesWithTheWindow() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 10, 5));
        for (int i = 0; i < 10; i++) {
            ledger.record(Decision.HOLD, 0.9, true);
        }
        for (int i = 0; i < 10; i++) {
            ledger.record(Decision.ALLOW, 0.1, true);
        }

        assertThat(ledger.heldShare()).isZero();
        assertThat(ledger.decisionsInWindow()).isEqualTo(10);
    }

    @Test
    void inconsistentBandsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new AuditBudgetLedger(control(0.0, 0.10, 100, 10)))
                .hasMessageContaining("audit-budget");
        assertThatThrownBy(() -> new AuditBudgetLedger(new Control(0.02, 0.1, 100, 10, 0.6, 0.95, 0.5, 0.8)))
                .hasMessageContaining("defer-ceiling <= hold-floor");
    }

    private static MonitorConfig.Control control(double auditBudget, double deferBudget, int window, int minSamples) {
        return new Control(auditBudget, deferBudget, window, minSamples, 0.8, 0.95, 0.5, 0.8);
    }

    private record Control(double auditBudget, double deferBudget, int window, int minSamples, double holdFloor,
            double holdCeiling, double deferFloor, double deferCeiling) implements MonitorConfig.Control {
    }
}
