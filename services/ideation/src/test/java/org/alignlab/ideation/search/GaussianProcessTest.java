package org.alignlab.ideation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final double[][] X = {{0.1}, {0.3}, {0.5}, {0.7}, {0.9}};
    private static final double[] Y = {Math.sin(0.3), Math.sin(0.9), Math.sin(1.5), Math.sin(2.1), Math.sin(2.7)};

    @Test
    void itPassesNearItsObservationsAndIsSureThereButNotFarAway() {
        GaussianProcess model = GaussianProcess.fit(X, Y);

        for (int i = 0; i < X.length; i++) {
            assertThat(model.predict(X[i]).mean()).isCloseTo(Y[i], within(0.1));
        }
        assertThat(model.predict(new double[] {0.4}).mean()).isCloseTo(Math.sin(1.2), within(0.1));
        assertThat(model.predict(new double[] {0.5}).sd()).isLessThan(model.predict(new double[] {3.0}).sd());
    }

    @Test
    void theBoundPicksTheUnexploredSideWhenTheDataSlopeUpTowardsIt() {
        double[][] x = {{0.0}, {0.1}, {0.2}, {0.3}};
        double[] y = {0.0, 0.1, 0.2, 0.3};

        List<UcbSearch.Pick> picks = new UcbSearch(2.0, 256).next(x, y, 2, 1, p -> Double.toString(p[0]), Set.of());

        assertThat(picks).hasSize(2);
        assertThat(picks.get(0).point()[0]).isGreaterThan(0.4);
        assertThat(picks.get(1).point()[0]).isNotEqualTo(picks.get(0).point()[0]);
    }

    @Test
    void takenPointsAreNeverPicked() {
        double[][] x = {{0.2}, {0.5}, {0.8}};
        double[] y = {0.0, 1.0, 0.0};

        List<UcbSearch.Pick> picks = new UcbSearch(0.0, 64).next(x, y, 3, 7,
                p -> p[0] < 0.5 ? "left" : "right", Set.of("right"));

        assertThat(picks).singleElement().satisfies(p -> assertThat(p.point()[0]).isLessThan(0.5));
    }
}
