package org.alignlab.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.features.FeatureSpec;
import org.alignlab.inference.features.TextClassifier;
import org.alignlab.inference.features.TextFeaturiser;
import org.junit.jupiter.api.Test;

class ModelLoaderWarmUpTest {

    @Test
    void runsSeveralPassesAtEachBatchSizeBeforeTheModelServes() {
        List<Long> batchSizes = new ArrayList<>();
        TextClassifier classifier = new TextClassifier("m", List.of("benign", "attack"),
                new TextFeaturiser(FeatureSpec.standard()), inputs -> {
                    long rows = inputs.get(0).shape()[0];
                    batchSizes.add(rows);
                    return List.of(Tensor.float32("probabilities", new long[] {rows, 2}, new float[(int) rows * 2]));
                });

        ModelLoader.warmUp("m", classifier);

        assertThat(batchSizes).containsExactly(1L, 8L, 64L, 1L, 8L, 64L, 1L, 8L, 64L);
    }
}
