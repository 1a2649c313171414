package org.alignlab.inference.serving;

import java.time.Duration;
import org.alignlab.inference.config.InferenceConfig;

/**
 * How requests reach a model's forward pass.
 *
 * @param workers forward passes of one model that may run at once: the model's predictors
 */
public record BatchSettings(boolean enabled, int maxBatchSize, Duration maxDelay, int queueSize,
        Duration requestTimeout, int workers) {

    public BatchSettings {
        if (maxBatchSize < 1 || queueSize < 1 || workers < 1 || maxDelay.isNegative()) {
            throw new IllegalArgumentException("batching needs max-batch-size, queue-size and predictors of at least "
                    + "1 and a max-delay of at least 0");
        }
    }

    /** One forward pass per request on the caller's thread, {@code workers} at a time: for offline use. */
    public static BatchSettings unbatched(int workers) {
        return new BatchSettings(false, 1, Duration.ZERO, 1024, Duration.ofMinutes(10), workers);
    }

    public static BatchSettings of(InferenceConfig config) {
        InferenceConfig.Batching batching = config.batching();
        return new BatchSettings(batching.enabled(), batching.maxBatchSize(), batching.maxDelay(),
                batching.queueSize(), batching.requestTimeout(), config.predictors());
    }
}
