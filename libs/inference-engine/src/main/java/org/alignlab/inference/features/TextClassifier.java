package org.alignlab.inference.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.Tensor;

/**
 * A text-classification model: featurises texts the way it was trained and hands the feature batch (one row per
 * text) to a forward pass. Serving passes its runner, so classifications are batched with every other request to the model;
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
        return classifyAll(List.of(text)).get(0);
    }

    /**
     * Each text's probability of each label, in the texts' order and the model's label order: the texts are
     * featurised one by one, exactly as {@link #classify} does, and go through one forward pass as one batch of
     * {@code texts.size()} rows.
     */
    public List<Map<String, Double>> classifyAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] rows = new float[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = featuriser.featurise(texts.get(i));
        }
        int width = rows[0].length;
        float[] features = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, features, i * width, width);
        }
        List<Tensor> outputs = forward.apply(List.of(
                Tensor.float32(ModelMetadata.FEATURES, new long[] {rows.length, width}, features)));
        float[] probabilities = (float[]) outputs.get(0).data();
        if (probabilities.length != (long) rows.length * labels.size()) {
            throw new IllegalStateException("model " + name + " gave " + probabilities.length + " scores for "
                    + rows.length + " texts of " + labels.size() + " labels");
        }
        List<Map<String, Double>> answers = new ArrayList<>(rows.length);
        for (int row = 0; row < rows.length; row++) {
            Map<String, Double> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                byLabel.put(labels.get(i), (double) probabilities[row * labels.size() + i]);
            }
            answers.add(byLabel);
        }
        return answers;
    }
}
