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

    /** Predictors per loaded model: how many forward passes of one model run at once. */
    @WithDefault("4")
    int predictors();

    /** How long a forward pass waits for a free predictor before its requests are answered 503. */
    @WithDefault("2s")
    Duration predictorWait();

    /**
     * Longest text a classification accepts, in characters. An action's canonical JSON carries at most a 200,000
     * character script, which JSON escaping can double; anything longer is not an action.
     */
    @WithDefault("1000000")
    int maxTextChars();

    /**
     * Most texts one batch classification may carry ({@code POST /v1/classify/{model}/batch}); they go through one
     * forward pass. The monitor asks for at most this many actions per request.
     */
    @WithDefault("512")
    int maxBatchTexts();

    /** Most elements a predict request may carry over all its input tensors. */
    @WithDefault("1000000")
    int maxTensorElements();

    /**
     * Where models run: {@code auto} (a GPU when PyTorch sees one, else the CPU), {@code cpu}, {@code gpu} or
     * {@code gpu:N}. Seeing a GPU needs a CUDA build of libtorch ({@code PYTORCH_FLAVOR=cu128}); a GPU asked for but
     * not present fails every model's load, and readiness stays DOWN.
     */
    @WithDefault("auto")
    String device();

    Batching batching();

    /** How requests reach a model's forward pass ({@code alignlab.inference.batching.*}). */
    interface Batching {

        /**
         * On: a batcher thread per model merges requests that queue while the predictors are busy into one forward
         * pass. Off: each request runs its own forward pass on the caller's thread. Models without a batch
         * dimension never batch.
         */
        @WithDefault("true")
        boolean enabled();

        /** Most rows in one forward pass. */
        @WithDefault("32")
        int maxBatchSize();

        /** Longest a batch waits for more requests after its first one arrived. */
        @WithDefault("2ms")
        Duration maxDelay();

        /** Requests per model that may wait for a forward pass; one more is answered 503 with Retry-After. */
        @WithDefault("256")
        int queueSize();

        /** Longest a request waits for its answer, queue included, before it is answered 503. */
        @WithDefault("10s")
        Duration requestTimeout();
    }
}
