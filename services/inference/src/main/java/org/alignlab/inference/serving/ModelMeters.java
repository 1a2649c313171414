package org.alignlab.inference.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.IntSupplier;
import org.alignlab.contracts.MetricNames;

/**
 * One model's serving metrics, tagged with its name: request latency (queue included) and rows per forward pass,
 * both with histogram buckets so Prometheus can compute percentiles across replicas; the queue depth; refusals.
 */
public record ModelMeters(Timer latency, DistributionSummary batchSize, Counter rejected) {

    public static ModelMeters register(MeterRegistry registry, String model, IntSupplier queueDepth) {
        Gauge.builder(MetricNames.INFERENCE_QUEUE_DEPTH, queueDepth::getAsInt)
                .tag(MetricNames.TAG_MODEL, model)
                .description("Requests waiting for a forward pass")
                .register(registry);
        return new ModelMeters(
                Timer.builder(MetricNames.INFERENCE_REQUEST_DURATION)
                        .tag(MetricNames.TAG_MODEL, model)
                        .description("From a request reaching the model's queue to its answer")
                        .publishPercentileHistogram()
                        .register(registry),
                DistributionSummary.builder(MetricNames.INFERENCE_BATCH_SIZE)
                        .tag(MetricNames.TAG_MODEL, model)
                        .description("Rows in each forward pass")
                        .publishPercentileHistogram()
                        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                        .register(registry),
                Counter.builder(MetricNames.INFERENCE_REJECTED)
                        .tag(MetricNames.TAG_MODEL, model)
                        .description("Requests refused with 503 because the model's queue was full")
                        .register(registry));
    }
}
