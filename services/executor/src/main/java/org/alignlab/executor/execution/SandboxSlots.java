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
    /** Waiting tickets by turn, oldest first. */
    private final java.util.TreeMap<Long, UUID> line = new java.util.TreeMap<>();
    private long nextTurn;
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
        long turn = nextTurn++;
        line.put(turn, goal);
        boolean interrupted = false;
        try {
            while (running >= limit || held.getOrDefault(goal, 0) >= share() || anEarlierTicketMayGo(turn)) {
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
            line.remove(turn);
        }
        held.merge(goal, 1, Integer::sum);
        running++;
        // The next in line may be free to go too (another slot, another goal's share).
        notifyAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void release(UUID goal) {
        held.merge(goal, -1, (a, b) -> a + b == 0 ? null : a + b);
        running--;
        notifyAll();
    }

    /**
     * Whether a ticket that has waited longer could take a slot now. Woken waiters race for the monitor in whatever
     * order the JVM picks, so without this a ticket could lose every race and wait until it expired while later
     * tickets ran: first come, first served among the tickets whose goal is within its share.
     */
    private boolean anEarlierTicketMayGo(long turn) {
        int share = share();
        for (Map.Entry<Long, UUID> earlier : line.headMap(turn).entrySet()) {
            if (held.getOrDefault(earlier.getValue(), 0) < share) {
                return true;
            }
        }
        return false;
    }

    /** The slots one goal may hold while the goals running or waiting now share them. */
    private int share() {
        Set<UUID> goals = new HashSet<>(held.keySet());
        goals.addAll(waiting.keySet());
        return Math.max(1, (limit + goals.size() - 1) / Math.max(1, goals.size()));
    }

    /** Whether a slot is free and no ticket waits: work that should not delay tickets may start now. */
    public synchronized boolean idle() {
        return running < limit && queued == 0;
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
