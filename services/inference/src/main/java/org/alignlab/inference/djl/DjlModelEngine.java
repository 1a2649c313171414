package org.alignlab.inference.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.inference.config.InferenceConfig;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;

/** Loads DJL parameter files into PyTorch, into the network their metadata describes. */
@ApplicationScoped
public class DjlModelEngine implements ModelEngine {

    public static final String ENGINE = "PyTorch";

    /** DJL names parameter files {@code <prefix>-<epoch>.params} and finds them by prefix and epoch. */
    private static final Pattern DJL_PARAMS = Pattern.compile("(.+)-(\\d{4})\\.params");

    private final int predictors;
    private final Duration predictorWait;

    @Inject
    public DjlModelEngine(InferenceConfig config) {
        this(config.predictors(), config.predictorWait());
    }

    public DjlModelEngine(int predictors, Duration predictorWait) {
        this.predictors = predictors;
        this.predictorWait = predictorWait;
    }

    @Override
    public LoadedModel load(Path folder, ModelMetadata metadata) {
        if (!ENGINE.equals(metadata.engine())) {
            throw new ModelLoadException("engine " + metadata.engine() + " is not served; only " + ENGINE);
        }
        Matcher params = DJL_PARAMS.matcher(metadata.weights());
        if (!params.matches() || !Files.isRegularFile(folder.resolve(metadata.weights()))) {
            throw new ModelLoadException("weights " + metadata.weights() + " must be a DJL parameter file "
                    + "<name>-<epoch>.params in " + folder);
        }
        Model model = Model.newInstance(metadata.name(), ENGINE);
        DjlLoadedModel loaded = null;
        try {
            model.setBlock(Networks.block(metadata.network()));
            model.load(folder, params.group(1), Map.of("epoch", Integer.parseInt(params.group(2))));
            loaded = new DjlLoadedModel(model, metadata.features().dimension(),
                    new PredictorPool<>(model, new FeatureTranslator(), predictors, predictorWait));
            smokeTest(loaded, metadata);
            return loaded;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            } else {
                model.close();
            }
            throw e instanceof ModelLoadException known ? known
                    : new ModelLoadException("cannot load " + metadata.weights() + ": " + e.getMessage(), e);
        }
    }

    /**
     * DJL takes parameter shapes from the file, not from the block, so weights of another shape load silently; one
     * prediction on a vector of the declared dimension proves they fit the features and give one score per label.
     */
    private static void smokeTest(DjlLoadedModel loaded, ModelMetadata metadata) {
        float[] scores;
        try {
            scores = loaded.probabilities(new float[metadata.features().dimension()]);
        } catch (RuntimeException e) {
            throw new ModelLoadException("weights " + metadata.weights() + " do not fit "
                    + metadata.features().dimension() + " features: " + e.getMessage(), e);
        }
        if (scores.length != metadata.labels().size()) {
            throw new ModelLoadException("weights " + metadata.weights() + " give " + scores.length + " scores for "
                    + metadata.labels().size() + " labels");
        }
    }
}
