package org.alignlab.experiments.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against soft targets mixed with the model's own hardened predictions: the auxiliary confidence loss
 * of Burns et al. (2023), L = CE(f(x), (1−α)·y + α·onehot(argmax f(x))). With α = 0 it is plain cross-entropy.
 *
 * <p>α &gt; 0 lets a strong student keep its own confident answers where they contradict the weak labels, instead
 * of imitating the supervisor's mistakes. Simplified from the paper: α is constant (no warm-up) and predictions are
 * hardened by argmax rather than an adaptive threshold. The argmax carries no gradient, as in the paper.
 *
 * <p>Labels are class distributions of shape (batch, classes); predictions are logits of the same shape.
 */
public final class ConfidenceLoss extends Loss {

    private final float alpha;

    public ConfidenceLoss(double alpha) {
        super("confidence-ce");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray target = labels.singletonOrThrow();
        if (alpha > 0) {
            int classes = (int) logits.getShape().get(1);
            NDArray hardened = logits.argMax(1).oneHot(classes).toType(target.getDataType(), false);
            target = target.mul(1 - alpha).add(hardened.mul(alpha));
        }
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
    }
}
