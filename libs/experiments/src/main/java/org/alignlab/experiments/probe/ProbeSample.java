package org.alignlab.experiments.probe;

/**
 * Rows of a {@link ConceptTask}: the network's input, the discrete type behind each row, the latent concept, the
 * control label of the row's type and the task label the network learns.
 */
record ProbeSample(float[][] inputs, int[] types, int[] concept, int[] control, int[] labels) {

    int size() {
        return labels.length;
    }
}
