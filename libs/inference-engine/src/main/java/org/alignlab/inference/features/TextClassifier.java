package org.alignlab.inference.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.Tensor;

/**
 * A text-classification model: featurises a text the way it was trained and hands the one-row feature batch to a
 * forward pass. Serving passes its runner, so classifications are batched with every other request to the model;
 * training's evaluation passes the loaded model's own forward pass. Either way the features come from here.
 */
public final class TextClassifier {

    private final String name;
    private final List<String> labels;
    private final TextFeaturiser featuriser;
    private final UnaryOperator<List<Tensor>> forward;

    /**
     * @param forward a forward pass of the model: the {@value ModelMetadata#FEATURES} batch in, the
     *                {@value ModelMetadata#PROBABILITIES} batch out
     */
    public TextClassifier(String name, List<String> labels, TextFeaturiser featuriser,
            UnaryOperator<List<Tensor>> forward) {
        this.name = name;
        this.labels = List.copyOf(labels);
        this.featuriser = featuriser;
        this.forward = forward;
    }

    /** A classifier of the text-classification model {@code metadata} describes, featurised as it declares. */
    public static TextClassifier of(String name, ModelMetadata metadata, UnaryOperator<List<Tensor>> forward) {
        return new TextClassifier(name, metadata.labels(), new TextFeaturiser(metadata.features()), forward);
    }

    /** The probability of each label, in the model's label order. */
    public Map<String, Double> classify(String text) {
        float[] features = featuriser.featurise(text);
        List<Tensor> outputs = forward.apply(List.of(
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
