package org.alignlab.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What happened to each action of one phase: when it was sent, its verdicts, its tickets (or echoes). The sender
 * and the receiver thread both write here; a few thousand updates a second make one lock cheap enough.
 */
final class Ledger {

    /** Latencies up to ten minutes keep three significant digits. */
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final boolean expectsVerdicts;
    private final Map<UUID, Entry> entries = new HashMap<>();
    private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    private int settled;
    private int unknown;
    private long firstOrigin = Long.MAX_VALUE;
    private long lastSettled = Long.MIN_VALUE;
    private long firstMeasuredOrigin = Long.MAX_VALUE;
    private long lastMeasuredSettled = Long.MIN_VALUE;
    private int measuredSettled;

    /** @param expectsVerdicts true for the gate (verdict, then a ticket for ALLOW); false for the echo */
    Ledger(boolean expectsVerdicts) {
        this.expectsVerdicts = expectsVerdicts;
    }

    private static final class Entry {
        final long origin;
        final boolean measured;
        int verdicts;
        Boolean allowed;
        int completions;
        boolean settled;

        Entry(long origin, boolean measured) {
            this.origin = origin;
            this.measured = measured;
        }
    }

    /**
     * Records an action about to be sent. {@code originNanos} is when it was due to be sent, so a sender that
     * falls behind adds its delay to the latency instead of hiding it; only {@code measured} actions are timed.
     */
    synchronized void sent(UUID id, long originNanos, boolean measured) {
        entries.put(id, new Entry(originNanos, measured));
        firstOrigin = Math.min(firstOrigin, originNanos);
        if (measured) {
            firstMeasuredOrigin = Math.min(firstMeasuredOrigin, originNanos);
        }
    }

    synchronized void verdict(UUID id, boolean allowed, long nanos) {
        Entry entry = entries.get(id);
        if (entry == null) {
            unknown++;
            return;
        }
        entry.verdicts++;
        if (entry.allowed == null) {
            entry.allowed = allowed;
        }
        settleIfDone(entry, nanos);
    }

    /** A ticket (gate) or an echo (baseline) arrived; the first one ends the action's latency. */
    synchronized void completed(UUID id, long nanos) {
        Entry entry = entries.get(id);
        if (entry == null) {
            unknown++;
            return;
        }
        entry.completions++;
        if (entry.completions == 1 && entry.measured) {
            latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, (nanos - entry.origin) / 1000)));
        }
        settleIfDone(entry, nanos);
    }

    /** True once every action sent has everything it is due. */
    synchronized boolean allSettled() {
        return settled == entries.size();
    }

    synchronized int settledCount() {
        return settled;
    }

    synchronized LatencySummary latency() {
        return LatencySummary.ofMicros(latencyMicros);
    }

    /** Actions settled per second, from the first one due to the last one settled; NaN before any settled. */
    synchronized double settledPerSecond() {
        return rate(settled, firstOrigin, lastSettled);
    }

    /** As {@link #settledPerSecond()}, for the measured actions alone. */
    synchronized double measuredSettledPerSecond() {
        return rate(measuredSettled, firstMeasuredOrigin, lastMeasuredSettled);
    }

    synchronized Delivery delivery() {
        int missingVerdicts = 0;
        int duplicateVerdicts = 0;
        int notAllowed = 0;
        int missingCompletions = 0;
        int duplicateCompletions = 0;
        int unexpected = 0;
        for (Entry entry : entries.values()) {
            if (expectsVerdicts) {
                missingVerdicts += entry.verdicts == 0 ? 1 : 0;
                duplicateVerdicts += Math.max(0, entry.verdicts - 1);
                if (Boolean.FALSE.equals(entry.allowed)) {
                    notAllowed++;
                    unexpected += entry.completions;
                    continue;
                }
            }
            // A gate action whose verdict is missing still owes its ticket: it counts as missing too.
            missingCompletions += entry.completions == 0 ? 1 : 0;
            duplicateCompletions += Math.max(0, entry.completions - 1);
        }
        return new Delivery(entries.size(), entries.size() - settled, missingVerdicts, duplicateVerdicts, notAllowed,
                missingCompletions,
                duplicateCompletions, unexpected, unknown);
    }

    private void settleIfDone(Entry entry, long nanos) {
        if (entry.settled || !isDone(entry)) {
            return;
        }
        entry.settled = true;
        settled++;
        lastSettled = Math.max(lastSettled, nanos);
        if (entry.measured) {
            measuredSettled++;
            lastMeasuredSettled = Math.max(lastMeasuredSettled, nanos);
        }
    }

    private boolean isDone(Entry entry) {
        if (!expectsVerdicts) {
            return entry.completions > 0;
        }
        return entry.verdicts > 0 && (Boolean.FALSE.equals(entry.allowed) || entry.completions > 0);
    }

    private static double rate(int count, long from, long to) {
        if (count == 0 || to <= from) {
            return Double.NaN;
        }
        return count / ((to - from) / 1e9);
    }
}
