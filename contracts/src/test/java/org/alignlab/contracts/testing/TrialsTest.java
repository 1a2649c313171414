package org.alignlab.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrialsTest {

    private static final Function<Random, Integer> ANY_INT = Random::nextInt;

    /** A seed given on the command line must reach the property tests that run after this class. */
    private String givenSeed;

    @BeforeEach
    void keepGivenSeed() {
        givenSeed = System.getProperty(Trials.SEED_PROPERTY);
    }

    @AfterEach
    void restoreGivenSeed() {
        if (givenSeed == null) {
            System.clearProperty(Trials.SEED_PROPERTY);
        } else {
            System.setProperty(Trials.SEED_PROPERTY, givenSeed);
        }
    }

    @Test
    void aFailingPropertyNamesTheSeedHowToRerunItAndTheCase() {
        int drawn = Trials.draw(42, ANY_INT);

        assertThatThrownBy(() -> Trials.check(42, ANY_INT, value -> assertThat(value).isNotEqualTo(drawn)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("property failed for seed 42 (rerun with -Dalignlab.properties.seed=42): ")
                .hasMessageEndingWith("\ncase: " + drawn)
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void aSeedDrawsTheSameCaseEveryTime() {
        assertThat(Trials.draw(7, ANY_INT)).isEqualTo(Trials.draw(7, ANY_INT));
    }

    @Test
    void theConfiguredSeedDrivesTheFirstTrialSoAFailureCanBeRerun() {
        long failed = Trials.seeds(20).skip(13).findFirst().orElseThrow();
        System.setProperty(Trials.SEED_PROPERTY, Long.toString(failed));

        assertThat(Trials.seeds(3).toArray()).hasSize(3).doesNotHaveDuplicates().startsWith(failed);
    }

    @Test
    void trialsDrawDifferentFirstCases() {
        // Seeds one apart would give java.util.Random the same first small draw for dozens of trials.
        assertThat(Trials.seeds(40).mapToObj(seed -> Trials.draw(seed, random -> random.nextInt(4))).distinct())
                .hasSize(4);
    }

    @Test
    void aMistypedSeedIsRefusedRatherThanIgnored() {
        System.setProperty(Trials.SEED_PROPERTY, "12a4");

        assertThatThrownBy(() -> Trials.seeds(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12a4");
    }
}
