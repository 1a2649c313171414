package org.alignlab.experiments.w2s;

import java.util.Arrays;

/** Rows of standardised features with their ground-truth labels. */
record Sample(float[][] features, int[] labels) {

    /** The weak model's view: only the first {@code k} features of each row. */
    float[][] firstColumns(int k) {
        return Arrays.stream(features).map(row -> Arrays.copyOf(row, k)).toArray(float[][]::new);
    }

    int size() {
        return labels.length;
    }
}
