package org.alignlab.bench;

import java.time.Duration;

/**
 * How long and how hard each phase runs. {@code --quick} shrinks the defaults so a whole run fits in two
 * minutes; an option given explicitly always wins.
 *
 * @param rate actions per second in the latency phase: well below saturation, so latency is not queueing
 * @param count actions sent at once in the throughput phase
 * @param goals goals the actions take turns over (both partitions get load)
 * @param drainTimeout longest wait for the last reply of a phase
 * @param settle extra wait after the last reply, so late duplicates are counted
 */
record BenchPlan(Duration warmUp, Duration latency, int rate, int count, int goals, Duration drainTimeout,
        Duration settle) {

    static final BenchPlan FULL = new BenchPlan(Duration.ofSeconds(10), Duration.ofSeconds(20), 200, 20_000, 64,
            Duration.ofSeconds(600), Duration.ofSeconds(2));
    static final BenchPlan QUICK = new BenchPlan(Duration.ofSeconds(3), Duration.ofSeconds(8), 200, 2_000, 64,
            Duration.ofSeconds(20), Duration.ofSeconds(1));

    BenchPlan {
        if (rate < 1 || count < 1 || goals < 1 || warmUp.isNegative() || latency.isZero() || latency.isNegative()) {
            throw new IllegalArgumentException("rate, count, goals and the latency phase must be positive and the "
                    + "warm-up not negative");
        }
    }

    /** The defaults for the mode, overridden by whatever the caller set (null: not set). */
    static BenchPlan resolve(boolean quick, Integer warmUpSeconds, Integer latencySeconds, Integer rate,
            Integer count, Integer goals, Integer drainTimeoutSeconds) {
        BenchPlan base = quick ? QUICK : FULL;
        return new BenchPlan(
                warmUpSeconds == null ? base.warmUp : Duration.ofSeconds(warmUpSeconds),
                latencySeconds == null ? base.latency : Duration.ofSeconds(latencySeconds),
                rate == null ? base.rate : rate,
                count == null ? base.count : count,
                goals == null ? base.goals : goals,
                drainTimeoutSeconds == null ? base.drainTimeout : Duration.ofSeconds(drainTimeoutSeconds),
                base.settle);
    }

    int warmUpActions() {
        return Math.toIntExact(warmUp.toSeconds() * rate);
    }

    int measuredActions() {
        return Math.toIntExact(latency.toSeconds() * rate);
    }
}
