package org.alignlab.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.alignlab.inference.engine.NetworkSpec;

/** Builds the blocks that {@link NetworkSpec}s describe; training and serving both build through here. */
public final class Networks {

    private Networks() {
    }

    /**
     * Features → (Linear + ReLU, when {@code hidden > 0}) → Linear(1) = z, output as the logits [0, z], so the softmax
     * of class 1 is the sigmoid of z.
     *
     * <p>One free logit on purpose, as in the experiments' logistic classifier: with two free logits the gradients of
     * the last layer are exact negatives of each other, and DJL's first-step check, which sums the gradients, can take
     * them for "all zeros" and abort training.
     */
    public static Block block(NetworkSpec spec) {
        SequentialBlock block = new SequentialBlock();
        if (spec.hidden() > 0) {
            block.add(Linear.builder().setUnits(spec.hidden()).build()).add(Activation::relu);
        }
        return block.add(Linear.builder().setUnits(1).build())
                .add(logit -> {
                    NDArray z = logit.singletonOrThrow();
                    return new NDList(z.zerosLike().concat(z, 1));
                });
    }
}
