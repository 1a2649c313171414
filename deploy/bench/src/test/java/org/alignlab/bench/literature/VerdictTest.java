package org.alignlab.bench.literature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final OptionalDouble DELTA = OptionalDouble.of(0.05);
    private static final OptionalDouble NO_DELTA = OptionalDouble.empty();

    @Test
    void anIntervalAboveZeroReproducesAnIncreaseAndRefutesADecrease() {
        Estimate above = new Estimate(0.02, 0.005, 0.035, 40);

        assertThat(Verdict.judge(above, 1, DELTA)).isEqualTo(Verdict.REPRODUCED);
        assertThat(Verdict.judge(above, -1, DELTA)).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void anIntervalBelowZeroReproducesADecreaseAndRefutesAnIncrease() {
        Estimate below = new Estimate(-0.3, -0.4, -0.2, 40);

        assertThat(Verdict.judge(below, -1, NO_DELTA)).isEqualTo(Verdict.REPRODUCED);
        assertThat(Verdict.judge(below, 1, NO_DELTA)).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void anIntervalAcrossZeroInsideTheSmallestEffectRefutes() {
        Estimate small = new Estimate(0.01, -0.03, 0.045, 40);

        assertThat(Verdict.judge(small, 1, DELTA)).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(Verdict.judge(small, -1, DELTA)).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void anIntervalAcrossZeroIsInconclusiveWhenItReachesAnEffectOfInterestOrNoMarginIsKnown() {
        Estimate wide = new Estimate(0.01, -0.03, 0.08, 40);
        Estimate small = new Estimate(0.01, -0.03, 0.045, 40);

        assertThat(Verdict.judge(wide, 1, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.judge(small, 1, NO_DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anIntervalTouchingZeroDoesNotReproduce() {
        assertThat(Verdict.judge(new Estimate(0.1, 0.0, 0.2, 40), 1, NO_DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aSingleSeedDecidesNothing() {
        assertThat(Verdict.judge(Estimate.mean(new double[] {0.3}), 1, DELTA)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void labelsReadAsTheTablePrintsThem() {
        assertThat(Verdict.NOT_REPRODUCED.label()).isEqualTo("NOT REPRODUCED");
    }
}
