package org.alignlab.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When each fault strikes, drawn from a seed so a run can be replayed: faults spread over the load's duration, each
 * at a random moment of its own slot, each component chosen in turn from a shuffled deck (so every component is hit
 * once before any is hit twice), each down for a few seconds before it is restarted.
 */
public record FaultSchedule(long seed, List<Fault> faults) {

    /** One {@code kill -9}: {@code at} after the load starts, restarted after {@code down}. */
    public record Fault(int index, Duration at, Component component, Duration down) {
        @Override
        public String toString() {
            return String.format("#%-3d t+%4ds  kill -9 %-12s restart after %2ds", index, at.toSeconds(),
                    component.id(), down.toSeconds());
        }
    }

    public static FaultSchedule draw(long seed, int count, Duration loadDuration, List<Component> components) {
        if (count < 0) {
            throw new IllegalArgumentException("fault count must be >= 0, got " + count);
        }
        // java.util.Random's first draws barely differ between nearby seeds (every seed below 40 once began with the
        // same component); SplittableRandom scrambles the seed first.
        Random random = new Random(new java.util.SplittableRandom(seed).nextLong());
        List<Fault> faults = new ArrayList<>();
        List<Component> deck = new ArrayList<>();
        long slot = count == 0 ? 0 : loadDuration.toMillis() / count;
        for (int i = 0; i < count; i++) {
            if (deck.isEmpty()) {
                deck.addAll(components);
                java.util.Collections.shuffle(deck, random);
            }
            Component component = deck.remove(deck.size() - 1);
            // The first fault waits for the load to be under way; each later one takes a moment of its own slot.
            long at = i * slot + (long) (slot * (0.2 + 0.6 * random.nextDouble()));
            Duration down = Duration.ofSeconds(2 + random.nextInt(9));
            faults.add(new Fault(i + 1, Duration.ofMillis(at), component, down));
        }
        return new FaultSchedule(seed, List.copyOf(faults));
    }

    public String describe() {
        StringBuilder text = new StringBuilder("fault schedule (seed " + seed + ", " + faults.size() + " faults):\n");
        for (Fault fault : faults) {
            text.append("  ").append(fault).append('\n');
        }
        return text.toString();
    }
}
