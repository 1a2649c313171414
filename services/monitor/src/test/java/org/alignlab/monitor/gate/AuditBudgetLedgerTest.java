package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.Decision;
import org.alignlab.monitor.config.MonitorConfig;
import org.junit.jupiter.api.Test;

class AuditBudgetLedgerTest {

    /** Thresholds no score reaches: an entry decided with them calibrates both thresholds with its score. */
    private static final Thresholds OUT_OF_REACH = new Thresholds(2.0, 2.0);

    @Test
    void belowTheMinimumSampleTheThresholdsStayAtTheirFloors() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 1000, 100));
        for (int i = 0; i < 99; i++) {
            allow(ledger, 0.99);
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
            allow(ledger, i / 1000.0);
        }

        Thresholds thresholds = ledger.thresholds();
        assertThat(thresholds.hold()).isEqualTo(0.95); // 0.979 clamped to the ceiling
        assertThat(thresholds.defer()).isEqualTo(0.8); // 0.899 clamped to the defer ceiling
    }

    @Test
    void aQuietWindowKeepsTheFloorsSoRoutineWorkIsNotHeld() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 500, 100));
        for (int i = 0; i < 500; i++) {
            allow(ledger, 0.01);
        }

        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.8, 0.5));
    }

    @Test
    void theQuantileMovesTheHoldThresholdBetweenFloorAndCeiling() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.10, 0.20, 100, 10));
        for (int i = 0; i < 100; i++) {
            allow(ledger, i < 85 ? 0.1 : 0.85);
        }

        // 15 % of scores at 0.85: the 90th percentile is 0.85, the 80th 0.1 (raised to the defer floor).
        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.85, 0.5));
    }

    @Test
    void scoresThatDoNotCalibrateStillCountTowardsTheHeldShare() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 100, 10));
        for (int i = 0; i < 96; i++) {
            allow(ledger, 0.01);
        }
        for (int i = 0; i < 4; i++) {
            ledger.record(new LedgerEntry(UUID.randomUUID(), Agent.IDEATION, Decision.HOLD, 1.0,
                    new Thresholds(0.8, 0.5), false));
        }

        assertThat(ledger.heldShare()).isEqualTo(0.04);
        assertThat(ledger.budgetUsed()).isEqualTo(2.0);
        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.8, 0.5));
        assertThat(ledger.calibrationEntries()).isEqualTo(96);
    }

    @Test
    void theHeldShareSlidesWithTheWindow() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(control(0.02, 0.10, 10, 5));
        for (int i = 0; i < 10; i++) {
            ledger.record(new LedgerEntry(UUID.randomUUID(), Agent.IDEATION, Decision.HOLD, 0.9,
                    new Thresholds(0.8, 0.5), true));
        }
        for (int i = 0; i < 10; i++) {
            allow(ledger, 0.1);
        }

        assertThat(ledger.heldShare()).isZero();
        assertThat(ledger.decisionsInWindow()).isEqualTo(10);
    }

    /**
     * Issue 14's reproduction: 150 harmless actions of one goal that address the reviewer (monitor-addressed-text,
     * 0.9) raised the thresholds from 0.8 / 0.5 to 0.95 / 0.8, because held scores calibrated them. After a baseline
     * whose thresholds lie between floors and ceilings (0.869 / 0.744 here), such a flood, or one in the defer band,
     * moves them by at most one rank of the window's sparse top, about 0.01 (0.014 at most over 30 seeds). The code
     * before took them to 0.900 / 0.800, 0.950 / 0.800 and 0.866 / 0.780.
     */
    @Test
    void aFloodOfOneGoalDoesNotMoveTheThresholds() {
        for (double flood : new double[] {0.9, 0.97, 0.78}) {
            AuditBudgetLedger ledger = new AuditBudgetLedger(defaults());
            Gate gate = new Gate(ledger);
            Random random = new Random(3);
            for (int i = 0; i < 5000; i++) {
                gate.decide(UUID.randomUUID(), betaThreeThree(random));
            }
            Thresholds before = ledger.thresholds();
            assertThat(before.hold()).as("a baseline between floor and ceiling").isBetween(0.82, 0.93);
            assertThat(before.defer()).isBetween(0.55, 0.78);

            UUID goal = UUID.randomUUID();
            int held = 0;
            for (int i = 0; i < 150; i++) {
                held += gate.decide(goal, flood) == Decision.HOLD ? 1 : 0;
            }

            Thresholds after = ledger.thresholds();
            assertThat(held).as("flood at %s held", flood).isEqualTo(flood >= before.hold() ? 150 : 0);
            assertThat(after.hold()).as("hold after a flood at %s", flood).isCloseTo(before.hold(), within(0.015));
            assertThat(after.defer()).as("defer after a flood at %s", flood).isCloseTo(before.defer(), within(0.015));
            assertThat(ledger.driftExceeded()).isFalse();
        }
    }

    /**
     * A score calibrates only the thresholds it stayed below, so the window is censored at them. Read naively, the
     * (1 - budget) quantile of what stayed below a threshold always lies below it and the bar would sink window after
     * window; read as censored data it stays where the distribution puts it. Over 20 windows of a fixed distribution,
     * with one goal sending a held score in every tenth decision throughout, the honest work's held share stays near
     * the budget and the hold threshold near the honest 98th percentile (0.864 for Beta(3, 3)), neither lifted by
     * the goal nor sinking. (The code before held 0.15 % of the honest work: the goal's scores kept the hold
     * threshold at its ceiling.)
     */
    @Test
    void censoredCalibrationKeepsTheHeldShareNearTheBudgetWindowAfterWindow() {
        Gate gate = new Gate(new AuditBudgetLedger(defaults()));
        Random random = new Random(5);
        UUID steering = UUID.randomUUID();
        double[] meanHold = new double[20];
        int honest = 0;
        int honestHeld = 0;
        for (int window = 0; window < 20; window++) {
            double holdSum = 0;
            for (int i = 0; i < 1000; i++) {
                if (i % 10 == 0) {
                    gate.decide(steering, 0.97);
                    continue;
                }
                holdSum += gate.inForce.hold();
                Decision decision = gate.decide(UUID.randomUUID(), betaThreeThree(random));
                if (window >= 2) {
                    honest++;
                    honestHeld += decision == Decision.HOLD ? 1 : 0;
                }
            }
            meanHold[window] = holdSum / 900;
        }

        assertThat((double) honestHeld / honest).isBetween(0.015, 0.03);
        // A window's 98th percentile varies by about 0.01 from window to window; no window strays far, and the last
        // five sit where the first five did.
        for (int window = 2; window < 20; window++) {
            assertThat(meanHold[window]).as("mean hold threshold in window %d", window).isCloseTo(0.864,
                    within(0.03));
        }
        assertThat(mean(meanHold, 15, 20)).isCloseTo(mean(meanHold, 2, 7), within(0.015));
        assertThat(mean(meanHold, 2, 20)).isCloseTo(0.864, within(0.01));
    }

    private static double mean(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).average().orElseThrow();
    }

    @Test
    void theDriftGaugeComparesTheThresholdsNowWithThoseInForceNDecisionsAgo() {
        AuditBudgetLedger ledger = new AuditBudgetLedger(new Control(0.02, 0.10, 100, 10, 0.8, 0.95, 0.5, 0.8, 1.0,
                1.0, 50, 0.05));
        assertThat(ledger.drift(Thresholds::hold)).isZero();
        for (int i = 0; i < 100; i++) {
            ledger.record(new LedgerEntry(UUID.randomUUID(), Agent.IDEATION, Decision.ALLOW, 0.1,
                    ledger.thresholds(), true));
        }
        assertThat(ledger.drift(Thresholds::hold)).isZero();
        assertThat(ledger.driftExceeded()).isFalse();

        // Scores of 0.9 that stayed below the thresholds in force (as if decided by a gate at its ceilings).
        for (int i = 0; i < 15; i++) {
            ledger.record(new LedgerEntry(UUID.randomUUID(), Agent.IDEATION, Decision.ALLOW, 0.9,
                    new Thresholds(0.95, 0.95), true));
        }

        assertThat(ledger.thresholds()).isEqualTo(new Thresholds(0.9, 0.8));
        assertThat(ledger.drift(Thresholds::hold)).isCloseTo(0.1, within(1e-9));
        assertThat(ledger.drift(Thresholds::defer)).isCloseTo(0.3, within(1e-9));
        assertThat(ledger.driftExceeded()).isTrue();
    }

    @Test
    void inconsistentBandsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new AuditBudgetLedger(control(0.0, 0.10, 100, 10)))
                .hasMessageContaining("audit-budget");
        assertThatThrownBy(() -> new AuditBudgetLedger(new Control(0.02, 0.1, 100, 10, 0.6, 0.95, 0.5, 0.8, 0.05,
                0.8, 100, 0.05))).hasMessageContaining("defer-ceiling <= hold-floor");
        assertThatThrownBy(() -> new AuditBudgetLedger(new Control(0.02, 0.1, 100, 10, 0.8, 0.95, 0.5, 0.8, 0.0,
                0.8, 100, 0.05))).hasMessageContaining("max-share-per-goal");
    }

    /**
     * What the gate does: decides with the ledger's thresholds, taken once per batch of 20 as the gate takes them
     * once per Kafka batch, and records each committed decision.
     */
    private static final class Gate {

        private final AuditBudgetLedger ledger;
        private Thresholds inForce;
        private int decided;

        Gate(AuditBudgetLedger ledger) {
            this.ledger = ledger;
        }

        Decision decide(UUID goal, double suspicion) {
            if (decided++ % 20 == 0) {
                inForce = ledger.thresholds();
            }
            Decision decision = suspicion >= inForce.hold() ? Decision.HOLD
                    : suspicion >= inForce.defer() ? Decision.DEFER_TO_TRUSTED : Decision.ALLOW;
            ledger.record(new LedgerEntry(goal, Agent.IDEATION, decision, suspicion, inForce, true));
            return decision;
        }
    }

    /** An allowed decision of its own goal and agent whose score calibrates both thresholds. */
    private static void allow(AuditBudgetLedger ledger, double suspicion) {
        ledger.record(new LedgerEntry(UUID.randomUUID(), Agent.IDEATION, Decision.ALLOW, suspicion, OUT_OF_REACH,
                true));
    }

    /** Beta(3, 3), the median of five uniforms: its 90th percentile 0.754 and 98th 0.864 lie inside the bands. */
    private static double betaThreeThree(Random random) {
        return random.doubles(5).sorted().skip(2).findFirst().orElseThrow();
    }

    private static MonitorConfig.Control defaults() {
        return new Control(0.02, 0.10, 1000, 100, 0.8, 0.95, 0.5, 0.8, 0.05, 0.8, 1000, 0.05);
    }

    /** No caps: these tests are about the quantiles. */
    private static MonitorConfig.Control control(double auditBudget, double deferBudget, int window, int minSamples) {
        return new Control(auditBudget, deferBudget, window, minSamples, 0.8, 0.95, 0.5, 0.8, 1.0, 1.0, window, 0.05);
    }

    private record Control(double auditBudget, double deferBudget, int window, int minSamples, double holdFloor,
            double holdCeiling, double deferFloor, double deferCeiling, double maxSharePerGoal,
            double maxSharePerAgent, int driftDecisions, double driftLimit) implements MonitorConfig.Control {
    }
}
