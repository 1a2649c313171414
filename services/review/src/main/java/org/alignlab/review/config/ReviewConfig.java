package org.alignlab.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.alignlab.review.claim.ReviewSettings;

/**
 * {@code alignlab.review.*}: the statistical review's settings and replication limits. The metric a family's claims
 * are judged on comes from the family catalogue in contracts.
 */
@ConfigMapping(prefix = "alignlab.review")
public interface ReviewConfig {

    /** False-discovery level (Benjamini–Hochberg across a goal's claims) and the validation test's level. */
    @WithDefault("0.05")
    double alpha();

    /** Coverage of the bootstrap interval of the held-out gain. */
    @WithDefault("0.95")
    double confidence();

    /** k: validation seeds each configuration needs; review tops a configuration up to k with its own run. */
    @WithDefault("5")
    int minValidationSeeds();

    /** Fresh seeds each configuration is replicated on, on the held-out split. */
    @WithDefault("10")
    int heldoutSeeds();

    @WithDefault("2000")
    int bootstrapResamples();

    /** Share of a significant validation gain that held-out must keep not to be flagged overfitToProxy. */
    @WithDefault("0.5")
    double overfitRetention();

    /** Resource ceilings of a replication (a replication runs more seeds than the run it replicates). */
    Limits limits();

    /**
     * How long after a round's last action arrived its claims may be formed (results can overtake their actions,
     * and review does not know how many actions a round has).
     */
    @WithDefault("PT10S")
    Duration roundQuietPeriod();

    /** How long a result may wait for its action before it is reviewed on its own. */
    @WithDefault("PT2M")
    Duration orphanGrace();

    /** How often waiting rounds and results without an action are looked at (a scheduler period, {@code 10s}). */
    @WithDefault("10s")
    String sweepEvery();

    interface Limits {
        /** The monitor's default ceilings, so that no replication is blocked for asking more. */
        @WithDefault("900")
        int cpuSeconds();

        @WithDefault("1800")
        int wallSeconds();
    }

    default ReviewSettings settings() {
        return new ReviewSettings(alpha(), confidence(), minValidationSeeds(), heldoutSeeds(), bootstrapResamples(),
                overfitRetention());
    }
}
