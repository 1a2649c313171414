package org.alignlab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.features.TextFeaturiser;
import org.alignlab.inference.serving.ModelLoader;

/**
 * The trusted model called in this JVM, without HTTP and without batching: the text featurised as the service does,
 * then one forward pass through the model's predictor pool, the same engine code the service runs. What a request
 * would cost if the service added nothing.
 */
final class DirectPredictor implements AutoCloseable {

    private final TextFeaturiser featuriser;
    private final LoadedModel model;

    private DirectPredictor(TextFeaturiser featuriser, LoadedModel model) {
        this.featuriser = featuriser;
        this.model = model;
    }

    /** Loads {@code folder} on the CPU with {@code predictors} predictors, as the service's default config does. */
    static DirectPredictor load(Path folder, int predictors) {
        ModelMetadata metadata = ModelLoader.servedMetadata(folder)
                .orElseThrow(() -> new BenchException(folder + " holds no text classifier"));
        return new DirectPredictor(new TextFeaturiser(metadata.features()),
                new DjlModelEngine(predictors, Duration.ofSeconds(30), "cpu").load(folder, metadata));
    }

    /** The attack probability of {@code text}. */
    float classify(String text) {
        float[] features = featuriser.featurise(text);
        List<Tensor> outputs = model.forward(List.of(
                Tensor.float32(ModelMetadata.FEATURES, new long[] {1, features.length}, features)));
        return ((float[]) outputs.get(0).data())[1];
    }

    @Override
    public void close() {
        model.close();
    }
}
