package org.alignlab.ideation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    @Test
    void everyStratumOfEveryDimensionHoldsExactlyOnePoint() {
        int points = 7;
        double[][] design = LatinHypercube.sample(points, 3, 42);

        assertThat(design).hasNumberOfRows(points);
        for (int d = 0; d < 3; d++) {
            int dimension = d;
            int[] strata = Arrays.stream(design).mapToInt(p -> (int) Math.floor(p[dimension] * points)).sorted()
                    .toArray();
            assertThat(strata).as("strata of dimension %d", d).containsExactly(0, 1, 2, 3, 4, 5, 6);
            assertThat(Arrays.stream(design).mapToDouble(p -> p[dimension])).allMatch(v -> v >= 0 && v < 1);
        }
    }

    @Test
    void theSameSeedGivesTheSameDesignAndAnotherSeedAnother() {
        double[][] first = LatinHypercube.sample(5, 4, 7);

        assertThat(LatinHypercube.sample(5, 4, 7)).isDeepEqualTo(first);
        assertThat(Arrays.deepEquals(LatinHypercube.sample(5, 4, 8), first)).isFalse();
    }
}
