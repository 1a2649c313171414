package org.alignlab.review.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final double[] ONE_TO_FIVE = {1, 2, 3, 4, 5};
    private static final double[] EVENS = {2, 4, 6, 8, 10};

    @Test
    void welchUsesUnequalVariancesAndSatterthwaiteDegreesOfFreedom() {
        WelchTest.Result result = WelchTest.test(ONE_TO_FIVE, EVENS);

        // By hand: variances 2.5 and 10, n = 5 each; se² = 0.5 + 2; df = 2.5² / (0.5²/4 + 2²/4).
        double t = -3 / Math.sqrt(2.5);
        double df = 6.25 / (0.0625 + 1);
        double p = 2 * new TDistribution(df).cumulativeProbability(t);
        assertThat(result.difference()).isEqualTo(-3.0);
        assertThat(result.t()).isCloseTo(t, within(1e-12));
        assertThat(result.pValue()).isCloseTo(p, within(1e-9));
        assertThat(result.pValue()).isCloseTo(0.1076, within(5e-4));
    }

    @Test
    void equivalenceIsTheLargerOfTwoOneSidedWelchTestsAgainstTheMargins() {
        double[] candidate = {0.51, 0.49, 0.50, 0.52, 0.48, 0.50};
        double[] baseline = {0.50, 0.47, 0.52, 0.49, 0.51, 0.50, 0.48};
        double margin = 0.05;

        EquivalenceTest.Result result = EquivalenceTest.test(candidate, baseline, margin, 0.05);

        // Each one-sided test is Welch's test of the candidate moved by the margin: half its two-sided p.
        double lower = WelchTest.test(shift(candidate, margin), baseline).pValue() / 2;
        double upper = WelchTest.test(shift(candidate, -margin), baseline).pValue() / 2;
        assertThat(result.pValue()).isCloseTo(Math.max(lower, upper), within(1e-9));
        assertThat(result.equivalent(0.05)).isTrue();
        assertThat(result.lo()).isGreaterThan(-margin);
        assertThat(result.hi()).isLessThan(margin).isGreaterThan(result.difference());
    }

    @Test
    void equivalenceAndTheIntervalAgree() {
        double[] baseline = {0.50, 0.47, 0.52, 0.49, 0.51, 0.50, 0.48, 0.53, 0.49, 0.51};
        for (double by = -0.08; by <= 0.08; by += 0.005) {
            EquivalenceTest.Result result = EquivalenceTest.test(shift(baseline, by), baseline, 0.05, 0.05);

            assertThat(result.equivalent(0.05)).as("shift %s", by)
                    .isEqualTo(result.lo() > -0.05 && result.hi() < 0.05);
        }
        assertThat(EquivalenceTest.test(shift(baseline, 0.06), baseline, 0.05, 0.05).equivalent(0.05)).isFalse();
        assertThat(EquivalenceTest.test(shift(baseline, 0.0), baseline, 0.05, 0.05).equivalent(0.05)).isTrue();
    }

    @Test
    void seedsForPowerFollowTheNormalApproximationAndGrowWithTheSpread() {
        double[] spread = {0.30, 0.70, 0.45, 0.62, 0.38, 0.55, 0.41, 0.66, 0.35, 0.52};
        double variance = 2 * Samples.variance(spread);
        double z = 1.959964 + 0.841621;

        int n = SeedsForPower.perArm(spread, spread, 0.05, 0.05, 0.8);

        assertThat(n).isEqualTo((int) Math.ceil(z * z * variance / 0.0025));
        assertThat(SeedsForPower.perArm(spread, spread, 0.1, 0.05, 0.8)).isLessThan(n / 3);
        assertThat(SeedsForPower.perArm(new double[] {1, 1}, new double[] {1, 1}, 0.05, 0.05, 0.8)).isEqualTo(2);
    }

    @Test
    void constantSamplesAreEquivalentExactlyWhenTheirDifferenceIsInsideTheMargin() {
        assertThat(EquivalenceTest.test(new double[] {1, 1}, new double[] {1.02, 1.02}, 0.05, 0.05).pValue())
                .isZero();
        assertThat(EquivalenceTest.test(new double[] {1, 1}, new double[] {1.2, 1.2}, 0.05, 0.05).pValue())
                .isEqualTo(1.0);
    }

    private static double[] shift(double[] values, double by) {
        double[] shifted = values.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += by;
        }
        return shifted;
    }

    @Test
    void constantSamplesAreCertainlyDifferentOrCertainlyEqual() {
        assertThat(WelchTest.test(new double[] {1, 1}, new double[] {1, 1}).pValue()).isEqualTo(1.0);
        assertThat(WelchTest.test(new double[] {2, 2}, new double[] {1, 1}).pValue()).isZero();
    }

    @Test
    void aSampleOfOneIsRefused() {
        assertThatThrownBy(() -> WelchTest.test(new double[] {1}, EVENS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void benjaminiHochbergStepsUpAndStaysMonotone() {
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
        assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.8})).containsExactly(0.9, 0.9);
        assertThat(BenjaminiHochberg.adjust(new double[] {0.04})).containsExactly(0.04);
        assertThat(BenjaminiHochberg.adjust(new double[] {0.6, 0.7, 0.001}))
                .containsExactly(new double[] {0.7, 0.7, 0.003}, within(1e-12));
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hedgesGShrinksCohensDForSmallSamples() {
        EffectSize effect = EffectSize.of(new double[] {2, 4, 6}, new double[] {1, 2, 3});

        // Pooled sd √((2·4 + 2·1) / 4) = √2.5; J = 1 − 3 / (4·6 − 9) = 0.8.
        assertThat(effect.cohensD()).isCloseTo(2 / Math.sqrt(2.5), within(1e-12));
        assertThat(effect.hedgesG()).isCloseTo(0.8 * 2 / Math.sqrt(2.5), within(1e-12));
        assertThat(EffectSize.of(new double[] {3, 3}, new double[] {1, 1}).hedgesG()).isNull();
    }

    @Test
    void bootstrapIsSeededAndBracketsTheObservedDifference() {
        double[] candidate = {0.52, 0.55, 0.49, 0.58, 0.51, 0.54};
        double[] baseline = {0.41, 0.44, 0.40, 0.47, 0.43, 0.39};

        BootstrapInterval.Result first = BootstrapInterval.differenceOfMeans(candidate, baseline, 0.95, 2000, 7);
        BootstrapInterval.Result again = BootstrapInterval.differenceOfMeans(candidate, baseline, 0.95, 2000, 7);
        BootstrapInterval.Result other = BootstrapInterval.differenceOfMeans(candidate, baseline, 0.95, 2000, 8);
        double observed = Samples.mean(candidate) - Samples.mean(baseline);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.lo()).isLessThan(observed).isGreaterThan(0);
        assertThat(first.hi()).isGreaterThan(observed).isLessThan(0.2);
        assertThat(first.shareAboveZero()).isEqualTo(1.0);
        BootstrapInterval.Result narrower = BootstrapInterval.differenceOfMeans(candidate, baseline, 0.5, 2000, 7);
        assertThat(narrower.hi() - narrower.lo()).isLessThan(first.hi() - first.lo());
    }

    @Test
    void comparisonPutsTheStatisticsTogether() {
        Comparison c = Comparison.of(EVENS, ONE_TO_FIVE, 0.95, 1000, 1);

        assertThat(c.gain()).isEqualTo(3.0);
        assertThat(c.candidateN()).isEqualTo(5);
        assertThat(c.candidateMean()).isEqualTo(6.0);
        assertThat(c.baselineMean()).isEqualTo(3.0);
        assertThat(c.pValue()).isCloseTo(WelchTest.test(EVENS, ONE_TO_FIVE).pValue(), within(1e-15));
        assertThat(c.interval()).hasSize(2);
        assertThat(c.interval().get(0)).isLessThan(3.0);
        assertThat(c.hedgesG()).isPositive();
    }
}
