package org.alignlab.experiments.w2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrincipalSubspaceTest {

    @Test
    void findsThePlaneTheRowsLieOnAndDropsTheNoise() {
        // Rows spread widely over the (x0, x1) plane, with small noise on x2 and x3 and an offset to remove.
        Random rng = new Random(1);
        float[][] rows = new float[2000][4];
        for (float[] row : rows) {
            row[0] = (float) (3 * rng.nextGaussian() + 10);
            row[1] = (float) (2 * rng.nextGaussian());
            row[2] = (float) (0.1 * rng.nextGaussian());
            row[3] = (float) (0.1 * rng.nextGaussian());
        }

        float[][] projected = PrincipalSubspace.fit(rows, 2).project(new float[][] {
                {10, 0, 0, 0}, {11, 0, 0, 0}, {10, 1, 0, 0}, {10, 0, 1, 0}});

        // The mean maps to the origin; unit moves in the plane keep their length; a move off the plane vanishes.
        assertThat(norm(projected[0])).isCloseTo(0, within(0.1));
        assertThat(norm(minus(projected[1], projected[0]))).isCloseTo(1, within(0.01));
        assertThat(norm(minus(projected[2], projected[0]))).isCloseTo(1, within(0.01));
        assertThat(norm(minus(projected[3], projected[0]))).isCloseTo(0, within(0.05));
    }

    private static float[] minus(float[] a, float[] b) {
        return new float[] {a[0] - b[0], a[1] - b[1]};
    }

    private static double norm(float[] v) {
        return Math.hypot(v[0], v[1]);
    }
}
