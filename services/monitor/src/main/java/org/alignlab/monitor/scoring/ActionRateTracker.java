package org.alignlab.monitor.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts each goal's actions over a sliding window, by the monitor's clock (never the action's own
 * {@code createdAt}, which the agent writes). An action id is counted once, so a gate transaction that is
 * retried after a failure does not inflate its goal's rate.
 *
 * <p>In memory, per replica: enough for one monitor. With several replicas each sees only its partitions'
 * goals, which is still every action of a goal (actions are keyed by goal id), but a rebalance forgets the
 * window; a shared count would move to the database.
 */
public class ActionRateTracker {

    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Duration window;
    private final Map<UUID, LinkedHashMap<UUID, Instant>> byGoal = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();

    public ActionRateTracker(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** How many goals have actions in memory; idle ones are dropped every so often. */
    int goalsTracked() {
        return byGoal.size();
    }

    /** Records the action (once per id) and returns how many actions its goal has had within the window. */
    public int record(UUID goalId, UUID actionId) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(since);
        }
        int[] count = new int[1];
        // compute() runs atomically per goal, so a concurrent sweep never drops an entry being added.
        byGoal.compute(goalId, (goal, seen) -> {
            LinkedHashMap<UUID, Instant> recent = seen == null ? new LinkedHashMap<>() : seen;
            prune(recent, since);
            recent.putIfAbsent(actionId, now);
            count[0] = recent.size();
            return recent;
        });
        return count[0];
    }

    /** Forgets goals with nothing left in the window, so memory follows the active goals only. */
    private void sweep(Instant since) {
        for (UUID goal : byGoal.keySet()) {
            byGoal.computeIfPresent(goal, (id, seen) -> {
                prune(seen, since);
                return seen.isEmpty() ? null : seen;
            });
        }
    }

    /** Drops entries at or before {@code since}; insertion order is time order. */
    private static void prune(LinkedHashMap<UUID, Instant> seen, Instant since) {
        Iterator<Instant> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().isAfter(since)) {
            oldestFirst.remove();
        }
    }
}
