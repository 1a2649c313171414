package org.alignlab.executor.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.alignlab.contracts.MetricNames;
import org.alignlab.executor.config.ExecutorConfig;

/**
 * At most {@code alignlab.executor.max-concurrent-sandboxes} workloads at once. Tickets beyond that wait here, on
 * the consumer's worker threads, with their Kafka records unacknowledged: the queue is bounded by the worker pool
 * ({@code smallrye.messaging.worker.ticket-runners.max-concurrency}) and a crash loses nothing that waits in it.
 */
@ApplicationScoped
public class SandboxSlots {

    private final Semaphore slots;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    @Inject
    SandboxSlots(ExecutorConfig config, MeterRegistry meters) {
        this(config.maxConcurrentSandboxes());
        Gauge.builder(MetricNames.SANDBOXES_RUNNING, running, AtomicInteger::get).register(meters);
        Gauge.builder(MetricNames.SANDBOXES_QUEUED, queued, AtomicInteger::get).register(meters);
    }

    SandboxSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("alignlab.executor.max-concurrent-sandboxes must be at least 1");
        }
        this.slots = new Semaphore(limit, true);
    }

    /** Runs {@code work} once a slot is free, first come first served. */
    public <T> T whenFree(Supplier<T> work) {
        queued.incrementAndGet();
        try {
            slots.acquireUninterruptibly();
        } finally {
            queued.decrementAndGet();
        }
        running.incrementAndGet();
        try {
            return work.get();
        } finally {
            running.decrementAndGet();
            slots.release();
        }
    }

    int running() {
        return running.get();
    }

    int queued() {
        return queued.get();
    }
}
