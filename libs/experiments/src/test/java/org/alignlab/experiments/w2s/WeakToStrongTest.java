package org.alignlab.experiments.w2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.Split;
import org.alignlab.experiments.InvalidParamsException;
import org.junit.jupiter.api.Test;

class WeakToStrongTest {

    /** Small enough for about half a second per seed; 1000 evaluation rows keep accuracy noise near 0.013. */
    static final Map<String, Object> SMALL = Map.of("nTrain", 500, "nTest", 1000, "epochs", 10);

    private final WeakToStrong family = new WeakToStrong();

    @Test
    void ceilingBeatsWeakAndPgrIsItsFormula() {
        double pgrSum = 0;
        for (int seed : List.of(1, 2, 3)) {
            Map<String, Double> m = family.run(SMALL, seed, Split.VALIDATION);

            // At these sizes the ceiling beats the weak model by 0.13 to 0.17. The difference of two accuracies on
            // 1000 rows has a sampling sd of about 0.02, so 0.05 is far from chance yet catches a strong model that
            // cannot use the features the weak one lacks.
            assertThat(m.get("acc_ceiling")).isGreaterThan(m.get("acc_weak") + 0.05);
            assertThat(m).containsEntry("pgr_defined", 1.0);
            double formula = (m.get("acc_w2s") - m.get("acc_weak")) / (m.get("acc_ceiling") - m.get("acc_weak"));
            assertThat(m.get("pgr")).isCloseTo(formula, within(1e-9));
            pgrSum += m.get("pgr");
        }
        // The pretrained view cannot express most of the weak model's mistakes, so the student recovers part of the
        // gap (about 0.35 on average here; 0.1 leaves room for a different CPU's rounding).
        assertThat(pgrSum / 3).isGreaterThan(0.1);
    }

    @Test
    void sameSeedSameMetrics() {
        Map<String, Object> params = Map.of("nTrain", 300, "nTest", 300, "epochs", 5, "auxLossAlpha", 0.5);

        assertThat(family.run(params, 11, Split.HELDOUT)).isEqualTo(family.run(params, 11, Split.HELDOUT));
    }

    @Test
    void pgrIsOnlyReportedWhenTheCeilingBeatsTheWeakModel() {
        assertThat(WeakToStrong.metrics(700, 760, 900, 1000)).containsEntry("pgr", 0.3).containsEntry("pgr_defined",
                1.0);
        assertThat(WeakToStrong.metrics(700, 710, 700, 1000)).doesNotContainKey("pgr")
                .containsEntry("pgr_defined", 0.0).containsEntry("acc_w2s", 0.71);
        assertThat(WeakToStrong.metrics(800, 710, 700, 1000)).doesNotContainKey("pgr");
    }

    @Test
    void aTinyRunThatOnceTrippedDjlsZeroGradientCheckTrains() {
        // With a two-logit weak model this seed's first step had exactly cancelling gradients and DJL aborted.
        Map<String, Double> m = family.run(Map.of("nTrain", 100, "nTest", 50, "epochs", 1), 5, Split.VALIDATION);

        assertThat(m).containsKeys("acc_weak", "acc_w2s", "acc_ceiling", "pgr_defined");
    }

    @Test
    void unknownParamFailsBeforeTraining() {
        assertThatThrownBy(() -> family.run(Map.of("hiddenUnits", 8), 1, Split.VALIDATION))
                .isInstanceOf(InvalidParamsException.class)
                .hasMessageContaining("hiddenUnits");
    }
}
