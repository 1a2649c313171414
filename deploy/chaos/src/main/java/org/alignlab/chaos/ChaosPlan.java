package org.alignlab.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What one chaos run does, all of it decided by these numbers and the seed.
 *
 * @param runShare     share of actions that are benign scripts, allowed and run in a sandbox
 * @param heldShare    share that address the reviewer and are held (half approved); the rest are blocked
 * @param garbage      records of random bytes injected on the consumed topics during the load
 * @param load         how long the actions take to send; faults are spread over it
 * @param settle       how long, after the load, the platform has to finish what it was sent
 */
public record ChaosPlan(long seed, int actions, int goals, int faults, double runShare, double heldShare,
        int garbage, Duration load, Duration settle, List<Component> components) {

    public ChaosPlan {
        if (actions < 1 || goals < 1 || faults < 0 || garbage < 0) {
            throw new IllegalArgumentException("actions and goals must be positive, faults and garbage >= 0");
        }
        if (runShare < 0 || heldShare < 0 || runShare + heldShare > 1) {
            throw new IllegalArgumentException("runShare + heldShare must be within 0..1");
        }
        components = List.copyOf(components);
    }

    public FaultSchedule schedule() {
        return FaultSchedule.draw(seed, faults, load, components);
    }

    public String describe() {
        return String.format("chaos run: seed %d, %d actions over %d goals in %d s (%.0f%% run, %.0f%% held, "
                + "%.0f%% blocked), %d faults, %d garbage records, settle up to %d s",
                seed, actions, goals, load.toSeconds(), runShare * 100, heldShare * 100,
                (1 - runShare - heldShare) * 100, faults, garbage, settle.toSeconds());
    }
}
