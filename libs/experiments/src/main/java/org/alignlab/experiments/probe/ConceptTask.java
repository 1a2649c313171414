package org.alignlab.experiments.probe;

import java.util.Arrays;
import java.util.Random;

/**
 * A task whose label depends on a latent concept that no linear function of the input can compute, over inputs of
 * discrete type (the stand-in for word types in Hewitt &amp; Liang 2019).
 *
 * <p>Drawn once per seed: for each of {@code types} types an embedding e_t ~ N(0, I) in {@code typeDims} dimensions;
 * a unit direction u, which gives each type a property s_t = 1[u·e_t &gt; median over types] (half the types have
 * it, and it is a linear function of the embedding); and the control labels: a uniformly random half of the types
 * gets label 1, the rest 0, independent of everything else.
 *
 * <p>Each row: a type t, uniform; context z ~ N(0, I) in {@code contextDims} dimensions; input x = [e_t, z]. The
 * concept is c = s_t XOR 1[z₁ &gt; 0], a parity of two linearly readable bits and so not linearly readable itself. The
 * task label is y = 1[w·(2c − 1) + z₂ &gt; 0] with w = {@code conceptWeight}, flipped with probability
 * {@code labelNoise}: where |z₂| &lt; w the label is the concept, so a network that predicts y well has to compute c,
 * and its last layer reads c linearly next to z₂. With w = 0 the label ignores the concept.
 *
 * <p>The control task (Hewitt &amp; Liang) gives each row its type's control label: a probe can only solve it by
 * telling types apart and memorising their labels, which measures how expressive a representation is rather than
 * what it encodes.
 */
final class ConceptTask {

    private final float[][] embeddings;
    private final int[] property;
    private final int[] control;
    private final int contextDims;
    private final double conceptWeight;
    private final double labelNoise;

    private ConceptTask(float[][] embeddings, int[] property, int[] control, int contextDims, double conceptWeight,
            double labelNoise) {
        this.embeddings = embeddings;
        this.property = property;
        this.control = control;
        this.contextDims = contextDims;
        this.conceptWeight = conceptWeight;
        this.labelNoise = labelNoise;
    }

    static ConceptTask draw(Random rng, ProbeParams p) {
        float[][] embeddings = new float[p.types()][p.typeDims()];
        for (float[] e : embeddings) {
            for (int i = 0; i < e.length; i++) {
                e[i] = (float) rng.nextGaussian();
            }
        }
        double[] u = new double[p.typeDims()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextGaussian();
        }
        double[] projection = new double[p.types()];
        for (int t = 0; t < p.types(); t++) {
            for (int i = 0; i < u.length; i++) {
                projection[t] += u[i] * embeddings[t][i];
            }
        }
        double[] sorted = projection.clone();
        Arrays.sort(sorted);
        double median = sorted[(p.types() - 1) / 2];
        int[] property = new int[p.types()];
        for (int t = 0; t < p.types(); t++) {
            property[t] = projection[t] > median ? 1 : 0;
        }
        return new ConceptTask(embeddings, property, randomHalf(rng, p.types()), p.contextDims(), p.conceptWeight(),
                p.labelNoise());
    }

    /** Label 1 for a uniformly random ⌊types/2⌋ of the types (Fisher–Yates on the type ids). */
    private static int[] randomHalf(Random rng, int types) {
        int[] ids = new int[types];
        for (int t = 0; t < types; t++) {
            ids[t] = t;
        }
        for (int i = types - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        int[] labels = new int[types];
        for (int i = 0; i < types / 2; i++) {
            labels[ids[i]] = 1;
        }
        return labels;
    }

    ProbeSample sample(Random rng, int rows) {
        int typeDims = embeddings[0].length;
        float[][] inputs = new float[rows][typeDims + contextDims];
        int[] types = new int[rows];
        int[] concept = new int[rows];
        int[] controlLabels = new int[rows];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int t = rng.nextInt(embeddings.length);
            System.arraycopy(embeddings[t], 0, inputs[r], 0, typeDims);
            for (int i = 0; i < contextDims; i++) {
                inputs[r][typeDims + i] = (float) rng.nextGaussian();
            }
            types[r] = t;
            concept[r] = property[t] ^ (inputs[r][typeDims] > 0 ? 1 : 0);
            controlLabels[r] = control[t];
            int y = conceptWeight * (2 * concept[r] - 1) + inputs[r][typeDims + 1] > 0 ? 1 : 0;
            // Drawn for every row, flipped or not, so the stream (and every later row) does not depend on labelNoise.
            boolean flip = rng.nextDouble() < labelNoise;
            labels[r] = flip ? 1 - y : y;
        }
        return new ProbeSample(inputs, types, concept, controlLabels, labels);
    }
}
