package org.alignlab.executor.execution;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.alignlab.contracts.MetricNames;
import org.alignlab.executor.config.ExecutorConfig;

/**
 * At most {@code alignlab.executor.max-concurrent-sandboxes} workloads at once, and each goal at most its fair share
 * of them while other goals are waiting: ceil(limit / goals running or waiting). A goal alone may use every slot; a
 * second goal's ticket gets the next slot that frees, so no goal can hold the sandboxes while others wait. Tickets
 * beyond that wait here, on the consumer's worker threads, with their Kafka records unacknowledged: the queue is
 * bounded by the worker pool ({@code smallrye.messaging.worker.ticket-runners.max-concurrency}) and a crash loses
 * nothing that waits in it.
 */
@ApplicationScoped
public class SandboxSlots {

    private final int limit;
    private final Map<UUID, Integer> held = new HashMap<>();
    private final Map<UUID, Integer> waiting = new HashMap<>();
    private int running;
    private int queued;

    @Inject
    SandboxSlots(ExecutorConfig config, MeterRegistry meters) {
        this(config.maxConcurrentSandboxes());
        Gauge.builder(MetricNames.SANDBOXES_RUNNING, this, SandboxSlots::running).register(meters);
        Gauge.builder(MetricNames.SANDBOXES_QUEUED, this, SandboxSlots::queued).register(meters);
    }

    SandboxSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("alignlab.executor.max-concurrent-sandboxes must be at least 1");
        }
        this.limit = limit;
    }

    /** Runs {@code work} for {@code goal} once a slot is free and the goal is within its share. */
    public <T> T whenFree(UUID goal, Supplier<T> work) {
        acquire(goal);
        try {
            return work.get();
        } finally {
            release(goal);
        }
    }

    private synchronized void acquire(UUID goal) {
        waiting.merge(goal, 1, Integer::sum);
        queued++;
        boolean interrupted = false;
        try {
            while (running >= limit || held.getOrDefault(goal, 0) >= share()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // A ticket that waits for a slot is not abandoned: it runs, then the interrupt is restored.
                    interrupted = true;
                }
            }
        } finally {
            waiting.merge(goal, -1, (a, b) -> a + b == 0 ? null : a + b);
            queued--;
        }
        held.merge(goal, 1, Integer::sum);
        running++;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void release(UUID goal) {
        held.merge(goal, -1, (a, b) -> a + b == 0 ? null : a + b);
        running--;
        notifyAll();
    }

    /** The slots one goal may hold while the goals running or waiting now share them. */
    private int share() {
        Set<UUID> goals = new HashSet<>(held.keySet());
        goals.addAll(waiting.keySet());
        return Math.max(1, (limit + goals.size() - 1) / Math.max(1, goals.size()));
    }

    synchronized int running() {
        return running;
    }

    synchronized int queued() {
        return queued;
    }

    synchronized int heldBy(UUID goal) {
        return held.getOrDefault(goal, 0);
    }
}
