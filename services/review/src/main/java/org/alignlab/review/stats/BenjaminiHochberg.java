package org.alignlab.review.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg adjusted p-values (step-up): p(i) · m / rank, made monotone from the largest p down and capped
 * at 1. Rejecting every adjusted p below α controls the false discovery rate at α across the family.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** Adjusted p-values, in the order of {@code pValues}. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + p);
            }
        }
        Integer[] byP = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(byP, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = byP[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }
        return adjusted;
    }
}
