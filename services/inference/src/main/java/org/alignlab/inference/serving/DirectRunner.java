package org.alignlab.inference.serving;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.Tensor;

/**
 * No batching: each request runs its own forward pass on the caller's thread, through the model's predictor pool.
 * The same bound as the batching queue holds: at most {@code queue-size} requests waiting beyond those the
 * predictors are running; one more is refused at once.
 */
public final class DirectRunner implements ModelRunner {

    private final String name;
    private final LoadedModel model;
    private final BatchSettings settings;
    private final ModelMeters meters;
    private final Semaphore admitted;

    public DirectRunner(String name, LoadedModel model, BatchSettings settings, ModelMeters meters) {
        this.name = name;
        this.model = model;
        this.settings = settings;
        this.meters = meters;
        this.admitted = new Semaphore(settings.queueSize() + settings.workers());
    }

    @Override
    public List<Tensor> run(List<Tensor> inputs) {
        if (!admitted.tryAcquire()) {
            meters.rejected().increment();
            throw new QueueFullException(name, settings.queueSize());
        }
        long started = System.nanoTime();
        try {
            meters.batchSize().record(inputs.get(0).rows());
            return model.forward(inputs);
        } finally {
            admitted.release();
            meters.latency().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Requests admitted beyond what the predictors can run at once: those waiting for a predictor. */
    @Override
    public int queueDepth() {
        int inFlight = settings.queueSize() + settings.workers() - admitted.availablePermits();
        return Math.max(0, inFlight - settings.workers());
    }

    @Override
    public void close() {
        // Nothing of its own: the forward passes run on the callers' threads, the predictors belong to the model.
    }
}
