package org.alignlab.bench.literature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void meanHasTheStudentTIntervalOfItsValues() {
        // sd = √2.5, standard error √0.5, t(0.975, 4) = 2.776445: half-width 1.963243.
        Estimate estimate = Estimate.mean(new double[] {1, 2, 3, 4, 5});

        assertThat(estimate.value()).isEqualTo(3.0);
        assertThat(estimate.low()).isCloseTo(1.036757, within(1e-6));
        assertThat(estimate.high()).isCloseTo(4.963243, within(1e-6));
        assertThat(estimate.n()).isEqualTo(5);
    }

    @Test
    void aSeedWithoutAValueIsLeftOut() {
        Estimate estimate = Estimate.mean(new double[] {1, Double.NaN, 3});

        assertThat(estimate.value()).isEqualTo(2.0);
        assertThat(estimate.n()).isEqualTo(2);
        // t(0.975, 1) = 12.7062, standard error 1.
        assertThat(estimate.high()).isCloseTo(14.7062, within(1e-4));
    }

    @Test
    void oneValueHasNoInterval() {
        Estimate estimate = Estimate.mean(new double[] {0.4, Double.NaN});

        assertThat(estimate.value()).isEqualTo(0.4);
        assertThat(estimate.low()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(estimate.high()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(estimate.text()).isEqualTo("+0.400 (95 % CI −∞ to +∞)");
    }

    @Test
    void differencesPairSeedsAndDropASeedEitherArmLacks() {
        double[] differences = Estimate.differences(new double[] {0.5, 0.7, Double.NaN},
                new double[] {0.25, Double.NaN, 0.1});

        assertThat(differences[0]).isEqualTo(0.25);
        assertThat(differences[1]).isNaN();
        assertThat(differences[2]).isNaN();
        assertThat(Estimate.mean(differences).n()).isEqualTo(1);
        assertThatThrownBy(() -> Estimate.differences(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textSignsEveryNumberWithATrueMinus() {
        assertThat(new Estimate(-0.0184, -0.0852, 0.0451, 40).text())
                .isEqualTo("−0.018 (95 % CI −0.085 to +0.045)");
    }

    @Test
    void withinNeedsTheWholeIntervalInsideTheMargin() {
        assertThat(new Estimate(0, -0.04, 0.049, 40).within(0.05)).isTrue();
        assertThat(new Estimate(0, -0.04, 0.05, 40).within(0.05)).isFalse();
        assertThat(new Estimate(0, -0.06, 0.01, 40).within(0.05)).isFalse();
    }
}
