package org.alignlab.experiments.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class ConfidenceLossTest {

    @Test
    void withoutAlphaItIsSoftTargetCrossEntropy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList logits = new NDList(manager.create(new float[][] {{2, -1}, {0.5f, 0.3f}, {-3, 1}}));
            NDList targets = new NDList(manager.create(new float[][] {{1, 0}, {0.3f, 0.7f}, {0, 1}}));

            float ours = new ConfidenceLoss(0).evaluate(targets, logits).getFloat();
            float djl = Loss.softmaxCrossEntropyLoss("ce", 1, -1, false, true).evaluate(targets, logits).getFloat();

            assertThat((double) ours).isCloseTo(djl, within(1e-6));
        }
    }

    @Test
    void fullAlphaTrustsTheModelsOwnAnswerOverTheLabel() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // The model says class 0; the (weak) label says class 1.
            NDList logits = new NDList(manager.create(new float[][] {{2, 0}}));
            NDList label = new NDList(manager.create(new float[][] {{0, 1}}));

            double ownAnswerCe = -Math.log(Math.exp(2) / (Math.exp(2) + 1));
            double labelCe = -Math.log(1 / (Math.exp(2) + 1));

            assertThat((double) new ConfidenceLoss(1).evaluate(label, logits).getFloat())
                    .isCloseTo(ownAnswerCe, within(1e-5));
            assertThat((double) new ConfidenceLoss(0.5).evaluate(label, logits).getFloat())
                    .isCloseTo((ownAnswerCe + labelCe) / 2, within(1e-5));
        }
    }

    @Test
    void alphaOutsideUnitIntervalIsRejected() {
        assertThatThrownBy(() -> new ConfidenceLoss(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfidenceLoss(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
