package org.alignlab.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** AlignLab's inference keys ({@code alignlab.inference.*}). */
@ConfigMapping(prefix = "alignlab.inference")
public interface InferenceConfig {

    /** Directory holding one folder per model. */
    @WithDefault("models")
    Path modelStore();

    /**
     * Text classifiers that must load for the service to be ready. One missing from the store counts as failed:
     * readiness stays DOWN and its classifications are answered 503, never 404, so a caller fails closed.
     */
    @WithDefault("trusted-monitor")
    Set<String> requiredModels();

    /** Predictors per loaded model: how many classifications of one model run at once. */
    @WithDefault("4")
    int predictors();

    /** How long a classification waits for a free predictor before it is answered 503. */
    @WithDefault("2s")
    Duration predictorWait();

    /**
     * Longest text a classification accepts, in characters. An action's canonical JSON carries at most a 200,000
     * character script, which JSON escaping can double; anything longer is not an action.
     */
    @WithDefault("1000000")
    int maxTextChars();
}
