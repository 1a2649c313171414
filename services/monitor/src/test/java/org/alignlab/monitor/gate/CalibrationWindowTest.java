package org.alignlab.monitor.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.alignlab.contracts.events.Agent;
import org.alignlab.monitor.gate.CalibrationWindow.Cut;
import org.junit.jupiter.api.Test;

class CalibrationWindowTest {

    /** Thresholds no score in these tests reaches: nothing is censored. */
    private static final Thresholds OUT_OF_REACH = new Thresholds(2.0, 2.0);

    @Test
    void withNothingCensoredTheQuantileIsTheNearestRankQuantile() {
        CalibrationWindow window = new CalibrationWindow(1000, 1.0, 1.0);
        double[] sorted = new double[1000];
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            sorted[i] = random.nextDouble();
            window.add(UUID.randomUUID(), Agent.IDEATION, sorted[i], OUT_OF_REACH);
        }
        Arrays.sort(sorted);

        for (double q : new double[] {0.5, 0.9, 0.98, 0.999}) {
            assertThat(window.quantile(Cut.HOLD, q)).as("q=%s", q).isEqualTo(AuditBudgetLedger.quantile(sorted, q));
        }
    }

    /**
     * A score at or above a threshold counts as "at least that threshold". With all scores above it censored at it,
     * the estimate still finds where the quantile lies, by mirroring the distribution below the highest score kept.
     */
    @Test
    void scoresAtOrAboveTheThresholdInForceCountAsMassAboveItNotAsTheirValue() {
        CalibrationWindow censored = new CalibrationWindow(1000, 1.0, 1.0);
        // 0.000, 0.001, ..., 0.999, decided with a hold threshold of 0.95: the top 50 are censored at 0.95.
        for (int i = 0; i < 1000; i++) {
            censored.add(UUID.randomUUID(), Agent.IDEATION, i / 1000.0, new Thresholds(0.95, 0.9));
        }

        // Below the cut the quantile is read as it is; above it, mirrored: 0.949 + (0.949 - 0.929).
        assertThat(censored.quantile(Cut.HOLD, 0.90)).isEqualTo(0.899);
        assertThat(censored.quantile(Cut.HOLD, 0.97)).isCloseTo(0.969, within(0.002));
        // However high the censored scores were, they do not move it.
        CalibrationWindow inflated = new CalibrationWindow(1000, 1.0, 1.0);
        for (int i = 0; i < 1000; i++) {
            inflated.add(UUID.randomUUID(), Agent.IDEATION, i < 950 ? i / 1000.0 : 0.999, new Thresholds(0.95, 0.9));
        }
        assertThat(inflated.quantile(Cut.HOLD, 0.97)).isEqualTo(censored.quantile(Cut.HOLD, 0.97));
        // For the defer cut every score from 0.9 on is censored; the hold cut reads them as scores.
        assertThat(censored.quantile(Cut.DEFER, 0.85)).isEqualTo(0.849);
    }

    @Test
    void aWindowWithNothingBelowTheCutLiesAboveIt() {
        CalibrationWindow window = new CalibrationWindow(100, 1.0, 1.0);
        for (int i = 0; i < 100; i++) {
            window.add(UUID.randomUUID(), Agent.IDEATION, 0.9, new Thresholds(0.8, 0.5));
        }

        assertThat(window.quantile(Cut.HOLD, 0.5)).isInfinite();
    }

    @Test
    void aGoalOverItsShareEvictsItsOwnOldestEntryNotTheWindowsHistory() {
        CalibrationWindow window = new CalibrationWindow(100, 0.05, 1.0);
        for (int i = 0; i < 90; i++) {
            window.add(UUID.randomUUID(), Agent.IDEATION, 0.1, OUT_OF_REACH);
        }
        UUID flooding = UUID.randomUUID();
        for (int i = 0; i < 150; i++) {
            window.add(flooding, Agent.IDEATION, 0.3, OUT_OF_REACH);
        }

        // 90 others and the flood's newest 5: nothing of the others' history was pushed out.
        assertThat(window.size()).isEqualTo(95);
        assertThat(window.quantile(Cut.HOLD, 90 / 95.0)).isEqualTo(0.1);
        assertThat(window.quantile(Cut.HOLD, 91 / 95.0)).isEqualTo(0.3);
    }

    @Test
    void anAgentOverItsShareEvictsItsOwnOldestEntry() {
        CalibrationWindow window = new CalibrationWindow(100, 1.0, 0.8);
        for (int i = 0; i < 20; i++) {
            window.add(UUID.randomUUID(), Agent.REVIEW, 0.1, OUT_OF_REACH);
        }
        for (int i = 0; i < 200; i++) {
            window.add(UUID.randomUUID(), Agent.IDEATION, 0.3, OUT_OF_REACH);
        }

        assertThat(window.size()).isEqualTo(100);
        assertThat(window.quantile(Cut.HOLD, 0.2)).isEqualTo(0.1);
        assertThat(window.quantile(Cut.HOLD, 0.21)).isEqualTo(0.3);
    }

    /**
     * The hold threshold is read from the top 2 % of the window, which a goal filling 5 % of the window would own:
     * above each threshold a goal supplies at most its share of what is there, and always at least one entry.
     */
    @Test
    void aboveEachThresholdAGoalSuppliesAtMostItsShareOfTheEntriesThere() {
        // 0.000, 0.001, ..., 0.999 decided with hold 0.98 and defer 0.9: 20 and 100 entries reached them.
        CalibrationWindow window = new CalibrationWindow(1000, 0.05, 1.0);
        Thresholds inForce = new Thresholds(0.98, 0.9);
        for (int i = 0; i < 1000; i++) {
            window.add(UUID.randomUUID(), Agent.IDEATION, i / 1000.0, inForce);
        }
        assertThat(window.quantile(Cut.HOLD, 0.98)).isEqualTo(0.979);
        assertThat(window.quantile(Cut.DEFER, 0.90)).isEqualTo(0.899);

        UUID flooding = UUID.randomUUID();
        for (int i = 0; i < 150; i++) {
            window.add(flooding, Agent.IDEATION, 0.99, inForce);
        }

        // The flood keeps one entry (5 % of 21 rounds down to 1) and pushed out only the oldest score, 0.000. With 50
        // of its entries (its share of the whole window) the hold estimate would be 1.029.
        assertThat(window.size()).isEqualTo(1000);
        assertThat(window.quantile(Cut.HOLD, 0.98)).isCloseTo(0.980, within(1e-9));
        assertThat(window.quantile(Cut.DEFER, 0.90)).isCloseTo(0.900, within(1e-9));
    }
}
