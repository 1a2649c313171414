package org.alignlab.inference.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.features.TextFeaturiser;
import org.alignlab.inference.serving.ModelRunner;

/**
 * A text-classification model: featurises a text the way it was trained and asks the model's runner for scores, so
 * classifications are batched with every other request to the same model.
 */
public final class TextClassifier {

    private final String name;
    private final List<String> labels;
    private final TextFeaturiser featuriser;
    private final ModelRunner runner;

    public TextClassifier(String name, List<String> labels, TextFeaturiser featuriser, ModelRunner runner) {
        this.name = name;
        this.labels = List.copyOf(labels);
        this.featuriser = featuriser;
        this.runner = runner;
    }

    /** The probability of each label, in the model's label order. */
    public Map<String, Double> classify(String text) {
        float[] features = featuriser.featurise(text);
        List<Tensor> outputs = runner.run(List.of(
                Tensor.float32(ModelMetadata.FEATURES, new long[] {1, features.length}, features)));
        float[] probabilities = (float[]) outputs.get(0).data();
        if (probabilities.length != labels.size()) {
            throw new IllegalStateException("model " + name + " gave " + probabilities.length + " scores for "
                    + labels.size() + " labels");
        }
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.put(labels.get(i), (double) probabilities[i]);
        }
        return byLabel;
    }
}
