package org.alignlab.inference.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.features.TextFeaturiser;

/** A loaded text-classification model: featurises a text the way it was trained and asks the engine for scores. */
public final class TextClassifier implements AutoCloseable {

    private final String name;
    private final String version;
    private final List<String> labels;
    private final TextFeaturiser featuriser;
    private final LoadedModel model;

    public TextClassifier(String name, String version, List<String> labels, TextFeaturiser featuriser,
            LoadedModel model) {
        this.name = name;
        this.version = version;
        this.labels = List.copyOf(labels);
        this.featuriser = featuriser;
        this.model = model;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The probability of each label, in the model's label order. */
    public Map<String, Double> classify(String text) {
        float[] probabilities = model.probabilities(featuriser.featurise(text));
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

    @Override
    public void close() {
        model.close();
    }
}
