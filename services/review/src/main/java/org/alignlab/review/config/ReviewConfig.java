package org.alignlab.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.alignlab.review.anomaly.AnomalyRule;
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

    /** Fresh seeds each configuration is replicated on at least, on the held-out split. */
    @WithDefault("10")
    int heldoutSeeds();

    /**
     * Fresh held-out seeds a configuration is replicated on at most, however many 80 % power for the family's smallest
     * effect of interest would need: the compute a round may spend on replication (at most 64, one spec's seeds).
     */
    @WithDefault("20")
    int maxHeldoutSeeds();

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

    /** Anomaly detection against history: a result far outside earlier runs of its configuration is held. */
    Anomaly anomaly();

    interface Anomaly {
        /** Earlier runs of the configuration a result needs before it is judged; with fewer, it is not judged. */
        @WithDefault("5")
        int minHistory();

        /**
         * Distinct seeds those earlier runs must have values for: ideation runs every configuration on the same
         * seeds, and a spread estimated from a handful of values would hold honest runs (docs/review-calibration.md).
         */
        @WithDefault("15")
        int minSeedValues();

        /** The latest runs of the configuration compared with (so that the work stays bounded). */
        @WithDefault("200")
        int maxHistory();

        /**
         * |robust z| above which a result is anomalous. 5 holds at most 0.2 % of ordinary results at the minimum
         * history even for heavy-tailed (t, 3 degrees of freedom) metrics (docs/review-calibration.md).
         */
        @WithDefault("5")
        double threshold();

        /** When every earlier value is the same: the relative difference beyond which a value is anomalous. */
        @WithDefault("0.001")
        double relativeTolerance();
    }

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

    default AnomalyRule.Settings anomalySettings() {
        return new AnomalyRule.Settings(anomaly().minHistory(), anomaly().minSeedValues(), anomaly().threshold(),
                anomaly().relativeTolerance());
    }
}
