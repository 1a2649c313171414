package org.alignlab.experiments.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Half the mean squared error, ½·mean((y − ŷ)²), computed as DJL's {@code L2Loss} computes it, so a run gives the
 * same numbers, but without its use-after-free. {@code L2Loss} multiplies by ½ through {@code NDArray.mul(Number)},
 * which the PyTorch engine turns into a scalar tensor over a direct buffer and closes as soon as the product exists.
 * Autograd keeps that tensor for the backward pass; once the collector has freed the buffer (any garbage collection
 * between forward and backward), the gradient is scaled by whatever lies in that memory by then. Runs then differed
 * now and then from run to run, and most under load, when the re-execution audit found one of ten seeds of a
 * reward-overoptimization replication with a different proxy model. Here the ½ is a tensor of the prediction's
 * manager, which holds it (and its buffer) until the batch is closed, after the backward pass.
 */
public final class SquaredErrorLoss extends Loss {

    public SquaredErrorLoss() {
        super("squared-error");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDArray label = labels.singletonOrThrow().reshape(prediction.getShape());
        NDArray half = prediction.getManager().create(0.5f);
        return label.sub(prediction).square().mul(half).mean();
    }
}
