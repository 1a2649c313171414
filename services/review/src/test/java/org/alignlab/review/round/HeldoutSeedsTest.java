package org.alignlab.review.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HeldoutSeedsTest {

    private final HeldoutSeeds seeds = new HeldoutSeeds(10, 20, 0.05, 0.8);

    @Test
    void aSpreadBetweenTheBoundsGetsTheSeedsEightyPercentPowerNeeds() {
        // Pooled within-configuration variance 0.5 (sum of squares 1 on 2 df); per arm
        // n = (z(0.975) + z(0.8))² · 2 · 0.5 / δ² = 7.849 / 0.64 = 12.3, so 13.
        HeldoutSeeds.Choice choice = seeds.choose(List.of(List.of(0.0, 1.0), List.of(2.0, 3.0)),
                OptionalDouble.of(0.8));

        assertThat(choice.seeds()).isEqualTo(13);
        assertThat(choice.why()).contains("80 % power", "δ = 0.8", "sd 0.7071", "2 df", "needs 13 seeds")
                .doesNotContain("budget");
    }

    @Test
    void theMeansOfTheConfigurationsDoNotCountAsSpread() {
        HeldoutSeeds.Choice apart = seeds.choose(List.of(List.of(0.0, 1.0), List.of(100.0, 101.0)),
                OptionalDouble.of(0.8));

        assertThat(apart.seeds()).isEqualTo(13);
    }

    @Test
    void moreThanTheBudgetIsCappedAndSaysSo() {
        HeldoutSeeds.Choice choice = seeds.choose(List.of(List.of(0.0, 1.0, 2.0)), OptionalDouble.of(0.05));

        assertThat(choice.seeds()).isEqualTo(20);
        assertThat(choice.why()).contains("the budget allows 20");
    }

    @Test
    void aSpreadSmallerThanTheEffectStillGetsTheMinimum() {
        HeldoutSeeds.Choice choice = seeds.choose(List.of(List.of(1.0, 1.001), List.of(2.0, 2.0)),
                OptionalDouble.of(0.5));

        assertThat(choice.seeds()).isEqualTo(10);
        assertThat(choice.why()).contains("at least 10");
    }

    @Test
    void withoutASpreadOrASmallestEffectEveryConfigurationGetsTheMinimum() {
        assertThat(seeds.choose(List.of(List.of(0.4), List.of(0.7), List.of()), OptionalDouble.of(0.05)))
                .isEqualTo(new HeldoutSeeds.Choice(10,
                        "no configuration has two validation values to measure the spread"));
        assertThat(seeds.choose(List.of(List.of(0.0, 1.0)), OptionalDouble.empty()).seeds()).isEqualTo(10);
    }

    @Test
    void boundsOutsideWhatASpecCarriesAreRefused() {
        assertThatThrownBy(() -> new HeldoutSeeds(1, 10, 0.05, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeldoutSeeds(10, 9, 0.05, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeldoutSeeds(10, 65, 0.05, 0.8)).isInstanceOf(IllegalArgumentException.class);
    }
}
