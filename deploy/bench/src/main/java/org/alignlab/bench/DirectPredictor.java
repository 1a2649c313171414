package org.alignlab.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextClassifier;

/**
 * The trusted model called in this JVM, without HTTP and without batching: the text featurised as the service does,
 * then one forward pass through the model's predictor pool, the same engine code the service runs. What a request
 * would cost if the service added nothing.
 */
record DirectPredictor(TextClassifier classifier, LoadedModel model) implements AutoCloseable {

    /** Loads {@code folder} on the CPU with {@code predictors} predictors, as the service's default config does. */
    static DirectPredictor load(Path folder, int predictors) {
        ModelMetadata metadata = ModelFolder.servedMetadata(folder)
                .orElseThrow(() -> new BenchException(folder + " holds no text classifier"));
        LoadedModel model = new DjlModelEngine(predictors, Duration.ofSeconds(30), "cpu").load(folder, metadata);
        return new DirectPredictor(TextClassifier.of(HttpClassifier.MODEL, metadata, model::forward), model);
    }

    /** The attack probability of {@code text}. */
    float classify(String text) {
        return classifier.classify(text).get("attack").floatValue();
    }

    @Override
    public void close() {
        model.close();
    }
}
