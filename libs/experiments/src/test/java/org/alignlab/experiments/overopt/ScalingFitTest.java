package org.alignlab.experiments.overopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalingFitTest {

    @Test
    void recoversAlphaAndBetaOfAnExactCurve() {
        double[] d = {0, 0.5, 1, 1.5, 2, 2.5};
        double[] gain = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            gain[i] = d[i] * (1.4 - 0.6 * d[i]);
        }

        ScalingFit fit = ScalingFit.fit(d, gain);

        assertThat(fit.alpha()).isCloseTo(1.4, within(1e-12));
        assertThat(fit.beta()).isCloseTo(0.6, within(1e-12));
        assertThat(fit.r2()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.peaks()).isTrue();
        assertThat(fit.peakD()).isCloseTo(1.4 / 1.2, within(1e-12));
    }

    @Test
    void isTheLeastSquaresSolutionWhenTheCurveDoesNotFit() {
        double[] d = {0.3, 0.8, 1.2, 1.9};
        double[] gain = {0.5, 0.2, 0.9, 0.4};

        ScalingFit fit = ScalingFit.fit(d, gain);

        // At the least-squares optimum the residual is orthogonal to both columns, d and −d².
        double alongD = 0;
        double alongD2 = 0;
        for (int i = 0; i < d.length; i++) {
            double residual = gain[i] - (fit.alpha() * d[i] - fit.beta() * d[i] * d[i]);
            alongD += residual * d[i];
            alongD2 += residual * d[i] * d[i];
        }
        assertThat(alongD).isCloseTo(0, within(1e-12));
        assertThat(alongD2).isCloseTo(0, within(1e-12));
        assertThat(fit.r2()).isLessThan(1);
    }

    @Test
    void aRisingCurveHasNoPeak() {
        ScalingFit fit = ScalingFit.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 2.5, 4.5});

        assertThat(fit.beta()).isNegative();
        assertThat(fit.peaks()).isFalse();
    }

    @Test
    void oneDistinctPointCannotFitTwoParameters() {
        assertThatThrownBy(() -> ScalingFit.fit(new double[] {0, 1, 1}, new double[] {0, 2, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
