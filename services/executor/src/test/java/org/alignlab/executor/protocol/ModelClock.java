package org.alignlab.executor.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The model's one clock: time moves only when a step says so, so expiry is part of the generated schedule. */
final class ModelClock extends Clock {

    private Instant now = Instant.parse("2026-11-26T12:00:00Z");

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the model runs in UTC");
    }
}
