package org.alignlab.ideation.search;

import java.util.Random;

/**
 * A Latin hypercube in [0, 1]^d: each dimension is cut into n equal strata and every stratum holds exactly one
 * point, so n points already cover each parameter's whole range. The same seed gives the same design.
 */
public final class LatinHypercube {

    private LatinHypercube() {
    }

    public static double[][] sample(int points, int dimensions, long seed) {
        Random random = new Random(seed);
        double[][] design = new double[points][dimensions];
        for (int d = 0; d < dimensions; d++) {
            int[] strata = permutation(points, random);
            for (int i = 0; i < points; i++) {
                design[i][d] = (strata[i] + random.nextDouble()) / points;
            }
        }
        return design;
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
