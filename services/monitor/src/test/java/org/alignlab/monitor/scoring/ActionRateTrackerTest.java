package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionRateTrackerTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ActionRateTracker tracker = new ActionRateTracker(clock, Duration.ofMinutes(1));

    @Test
    void countsEachGoalsActionsWithinTheSlidingWindow() {
        UUID goal = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(tracker.record(goal, UUID.randomUUID())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.record(goal, UUID.randomUUID())).isEqualTo(2);
        assertThat(tracker.record(other, UUID.randomUUID())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        // The first action is now exactly a minute old: out of the window.
        assertThat(tracker.record(goal, UUID.randomUUID())).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        assertThat(tracker.record(goal, UUID.randomUUID())).isEqualTo(1);
    }

    @Test
    void anActionScoredAgainIsCountedOnce() {
        UUID goal = UUID.randomUUID();
        UUID action = UUID.randomUUID();

        tracker.record(goal, action);
        clock.advance(Duration.ofSeconds(5));

        assertThat(tracker.record(goal, action)).isEqualTo(1);
        assertThat(tracker.record(goal, UUID.randomUUID())).isEqualTo(2);
    }

    @Test
    void idleGoalsAreForgotten() {
        UUID idle = UUID.randomUUID();
        tracker.record(idle, UUID.randomUUID());
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 2048; i++) {
            tracker.record(UUID.randomUUID(), UUID.randomUUID());
        }
        clock.advance(Duration.ofMinutes(5));
        UUID busy = UUID.randomUUID();
        for (int i = 0; i < 1024; i++) {
            tracker.record(busy, UUID.randomUUID());
        }

        assertThat(tracker.goalsTracked()).isEqualTo(1);
    }
}
