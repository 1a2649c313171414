package org.alignlab.inference.engine;

/**
 * The shape of a small classifier network, as its metadata records it: the weights file holds numbers only, so
 * serving rebuilds this shape before it loads them.
 *
 * @param hidden ReLU units of the one hidden layer; 0 for logistic regression on the features
 */
public record NetworkSpec(String kind, int hidden) {

    /** Features → (hidden ReLU layer) → one logit z, output as the two logits [0, z]. */
    public static final String BINARY_MLP = "binary-mlp";

    public NetworkSpec {
        if (!BINARY_MLP.equals(kind)) {
            throw new IllegalArgumentException("unknown network kind " + kind + "; this build knows " + BINARY_MLP);
        }
        if (hidden < 0) {
            throw new IllegalArgumentException("hidden units must not be negative, got " + hidden);
        }
    }
}
