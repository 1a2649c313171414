package org.alignlab.trustedmonitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextClassifier;

/**
 * A saved model folder, read, checked, loaded and run with the engine and the features that inference serves it
 * with, one forward pass per text on the CPU: the figures of the evaluation are those of what is served.
 *
 * @param version the first 12 hex digits of the SHA-256 of the weights, as inference reports it
 */
record SavedMonitor(String version, LoadedModel model, TextClassifier classifier) implements AutoCloseable {

    /** @throws org.alignlab.inference.engine.ModelLoadException when the folder does not hold a servable model */
    static SavedMonitor load(Path folder) {
        ModelMetadata metadata = ModelFolder.servedMetadata(folder)
                .orElseThrow(() -> new IllegalArgumentException(folder + " holds no served model"));
        String version = ModelFolder.checkedVersion(folder, metadata);
        LoadedModel model = new DjlModelEngine(1, Duration.ofMinutes(1), "cpu").load(folder, metadata);
        return new SavedMonitor(version, model,
                TextClassifier.of(folder.getFileName().toString(), metadata, model::forward));
    }

    /** The probability of each label, in the model's label order. */
    Map<String, Double> classify(String text) {
        return classifier.classify(text);
    }

    /** The probability that {@code text} is an attack. */
    double attackProbability(String text) {
        return classify(text).get(MonitorModelBuilder.LABELS.get(1));
    }

    @Override
    public void close() {
        model.close();
    }
}
