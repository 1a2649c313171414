package org.alignlab.contracts.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * What a verification demands of the checkpoint history beyond each checkpoint matching the database.
 *
 * @param anchor null to walk the history from checkpoint 1
 * @param maxAge how old the newest checkpoint may be (the monitor signs one at least every heartbeat, even when
 *               nothing was appended); null to report the age without judging it
 * @param now    when the verification runs
 * @param walkHistory whether the checkpoints' own chain is walked; only tests of the per-checkpoint comparison
 *                    leave it out
 */
public record CheckpointPolicy(CheckpointHistory.TrustAnchor anchor, Duration maxAge, Instant now,
        boolean walkHistory) {

    public CheckpointPolicy(CheckpointHistory.TrustAnchor anchor, Duration maxAge, Instant now) {
        this(anchor, maxAge, now, true);
    }

    /** From checkpoint 1, any age: for archives verified long after the fact. */
    public static CheckpointPolicy fromGenesis() {
        return new CheckpointPolicy(null, null, Instant.now());
    }

    /** Each checkpoint against the database alone, for tests of that comparison. */
    public static CheckpointPolicy eachCheckpointAlone() {
        return new CheckpointPolicy(null, null, Instant.now(), false);
    }
}
