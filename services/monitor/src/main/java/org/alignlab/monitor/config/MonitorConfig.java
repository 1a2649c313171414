package org.alignlab.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The monitor's own settings, {@code alignlab.monitor.*}. */
@ConfigMapping(prefix = "alignlab.monitor")
public interface MonitorConfig {

    /** Base64 PKCS#8 Ed25519 private key that signs tickets. A secret: no default, the service will not start without it. */
    String signingKey();

    /** Base64 X.509 public half of {@link #signingKey()}; checked against it at startup. */
    String signingPublicKey();

    /** How long an issued ticket stays valid. */
    @WithDefault("PT10M")
    Duration ticketTtl();

    /** Experiment families an action may name; anything else is blocked. */
    @WithDefault("weak-to-strong,reward-overoptimization,linear-probe")
    Set<String> knownFamilies();

    @WithDefault("900")
    int maxCpuSeconds();

    @WithDefault("4096")
    int maxMemoryMb();

    @WithDefault("1800")
    int maxWallSeconds();

    /**
     * Suspicion at or above which an action is held for a human instead of allowed. Fixed for now; the gate
     * issue calibrates it from an audit budget.
     */
    @WithDefault("0.8")
    double holdThreshold();

    /** Settings of individual rules, {@code alignlab.monitor.rules.*}. */
    Rules rules();

    interface Rules {

        /** More actions of one goal than this within a sliding minute raise {@code action-rate}. */
        @WithDefault("30")
        int maxActionsPerGoalPerMinute();
    }
}
