package org.alignlab.monitor.gate;

/**
 * The two cut points of the control protocol: at or above {@code hold} a human decides; at or above
 * {@code defer} (and below hold) the action is replaced by a trusted variant; below defer it is allowed.
 */
public record Thresholds(double hold, double defer) {

    public Thresholds {
        if (!(defer <= hold)) {
            throw new IllegalArgumentException("defer threshold " + defer + " above hold threshold " + hold);
        }
    }
}
