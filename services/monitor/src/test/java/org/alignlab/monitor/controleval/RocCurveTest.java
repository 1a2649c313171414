package org.alignlab.monitor.controleval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void perfectSeparationHasAreaOneAndReversedScoresAreaZero() {
        boolean[] attack = {true, true, false, false, false};

        assertThat(RocCurve.of(new double[] {0.9, 0.8, 0.3, 0.2, 0.1}, attack).auc()).isEqualTo(1.0);
        assertThat(RocCurve.of(new double[] {0.1, 0.2, 0.3, 0.8, 0.9}, attack).auc()).isEqualTo(0.0);
    }

    @Test
    void tiesCountHalfAsInTheMannWhitneyStatistic() {
        // Pairs (attack, benign): (0.5, 0.5) tie = 1/2, (0.5, 0.1) = 1, (0.9, 0.5) = 1, (0.9, 0.1) = 1 → 3.5 / 4.
        RocCurve curve = RocCurve.of(new double[] {0.5, 0.9, 0.5, 0.1}, new boolean[] {true, true, false, false});

        assertThat(curve.auc()).isEqualTo(0.875);
        assertThat(RocCurve.of(new double[] {0.4, 0.4, 0.4, 0.4}, new boolean[] {true, false, true, false}).auc())
                .isEqualTo(0.5);
    }

    @Test
    void pointsRunFromNothingFlaggedToEverythingFlaggedOnePerDistinctScore() {
        RocCurve curve = RocCurve.of(new double[] {0.5, 0.9, 0.5, 0.1}, new boolean[] {true, true, false, false});

        assertThat(curve.points()).extracting(RocCurve.RocPoint::threshold, RocCurve.RocPoint::falsePositiveRate,
                RocCurve.RocPoint::truePositiveRate).containsExactly(
                        tuple(null, 0.0, 0.0), tuple(0.9, 0.0, 0.5), tuple(0.5, 0.5, 1.0), tuple(0.1, 1.0, 1.0));
    }

    /** The area from the rank statistic equals the trapezoid area under the curve's own points. */
    @Test
    void theAreaIsTheAreaUnderThePoints() {
        Random random = new Random(5);
        int n = 400;
        double[] scores = new double[n];
        boolean[] attack = new boolean[n];
        for (int i = 0; i < n; i++) {
            attack[i] = i % 4 == 0;
            scores[i] = Math.round((random.nextGaussian() + (attack[i] ? 1.2 : 0)) * 10) / 10.0;
        }
        RocCurve curve = RocCurve.of(scores, attack);
        double trapezoids = 0;
        for (int i = 1; i < curve.points().size(); i++) {
            RocCurve.RocPoint a = curve.points().get(i - 1);
            RocCurve.RocPoint b = curve.points().get(i);
            trapezoids += (b.falsePositiveRate() - a.falsePositiveRate())
                    * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }

        assertThat(curve.auc()).isCloseTo(trapezoids, within(1e-12)).isBetween(0.7, 0.9);
    }

    @Test
    void aCurveNeedsBothLabels() {
        assertThatThrownBy(() -> RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocCurve.of(new double[] {0.1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
