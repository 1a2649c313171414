package org.alignlab.experiments.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class SquaredErrorLossTest {

    @Test
    void itIsHalfTheMeanSquaredErrorAsDjlComputesIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList predictions = new NDList(manager.create(new float[][] {{1.5f}, {-2}, {0.25f}}));
            NDList labels = new NDList(manager.create(new float[] {1, 1, -1}));

            float ours = new SquaredErrorLoss().evaluate(labels, predictions).getFloat();

            assertThat(ours).isEqualTo(Loss.l2Loss().evaluate(labels, predictions).getFloat());
            assertThat((double) ours).isCloseTo((0.25 + 9 + 1.5625) / 3 / 2, within(1e-6));
        }
    }

    /**
     * The backward pass reads the ½ that the forward pass used; a collection in between must not change it. With
     * DJL's {@code L2Loss} this gradient came out as garbage: its ½ lived in a buffer the collector had freed.
     */
    @Test
    void theGradientIsRightEvenWhenTheCollectorRunsBetweenForwardAndBackward() throws InterruptedException {
        float[] values = {1, 2, 3, -4};
        for (int attempt = 0; attempt < 5; attempt++) {
            try (NDManager manager = NDManager.newBaseManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray prediction = manager.create(values).reshape(4, 1);
                prediction.setRequiresGradient(true);
                NDArray loss = new SquaredErrorLoss().evaluate(new NDList(manager.zeros(new Shape(4))),
                        new NDList(prediction));
                collectGarbage();
                collector.backward(loss);

                float[] gradient = prediction.getGradient().toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    // d/dŷ ½·mean((y − ŷ)²) = (ŷ − y) / n
                    assertThat(gradient[i]).as("gradient %d", i).isCloseTo(values[i] / 4, within(1e-6f));
                }
            }
        }
    }

    /** Frees, as far as a test can make it, every direct buffer nothing refers to any more. */
    private static void collectGarbage() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            // The cleaner thread frees the buffers' memory after the collection has found them.
            Thread.sleep(50);
        }
    }
}
