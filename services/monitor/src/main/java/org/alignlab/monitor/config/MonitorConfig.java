package org.alignlab.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.alignlab.contracts.events.Decision;

/** The monitor's own settings, {@code alignlab.monitor.*}. */
@ConfigMapping(prefix = "alignlab.monitor")
public interface MonitorConfig {

    /** Base64 PKCS#8 Ed25519 private key that signs tickets. A secret: no default, the service will not start without it. */
    String signingKey();

    /** Base64 X.509 public half of {@link #signingKey()}; checked against it at startup. */
    String signingPublicKey();

    /**
     * The executor's Ed25519 public key (Base64 X.509): {@code audit.events} not signed with it are dead-lettered,
     * never appended. No default, like the monitor's own keys.
     */
    String executorPublicKey();

    /** How long an issued ticket stays valid. */
    @WithDefault("PT10M")
    Duration ticketTtl();

    /**
     * Experiment families an action may name, anything else being blocked: a subset of the family catalogue in
     * contracts; absent means all of it.
     */
    Optional<Set<String>> knownFamilies();

    @WithDefault("900")
    int maxCpuSeconds();

    @WithDefault("4096")
    int maxMemoryMb();

    @WithDefault("1800")
    int maxWallSeconds();

    /** Thresholds of the control protocol and how they are calibrated, {@code alignlab.monitor.control.*}. */
    Control control();

    /** The trusted model in the inference service, {@code alignlab.monitor.trusted-model.*}. */
    TrustedModel trustedModel();

    /** Signed checkpoints of the audit chain on {@code audit.checkpoints}, {@code alignlab.monitor.checkpoints.*}. */
    Checkpoints checkpoints();

    /** Held actions awaiting a reviewer, {@code alignlab.monitor.review.*}. */
    Review review();

    /** Settings of individual rules, {@code alignlab.monitor.rules.*}. */
    Rules rules();

    interface Rules {

        /** More actions of one goal than this within a sliding minute raise {@code action-rate}. */
        @WithDefault("30")
        int maxActionsPerGoalPerMinute();

        /** The capability analysis of scripts, {@code alignlab.monitor.rules.script-analysis.*}. */
        ScriptAnalysis scriptAnalysis();
    }

    /** Bounds on the capability analysis, which runs javac in the monitor for every script. */
    interface ScriptAnalysis {

        /** A longer script is not analysed, and is held as {@code script-unanalysed}. */
        @WithDefault("100000")
        int maxChars();

        /** How long the gate waits for an analyser, and then for the analysis; after that the script is held. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Analyses that may run at once. */
        @WithDefault("2")
        int concurrency();
    }

    /**
     * The audit budget is the share of actions a human can review. The hold threshold is the (1 - budget)
     * quantile of recent suspicion scores, kept between a floor and a ceiling so that neither a quiet spell
     * (everything near 0) holds routine work nor a flood of suspicious actions pushes the bar out of reach. How the
     * window resists being steered: {@code AuditBudgetLedger} and docs/monitor-rules.md.
     */
    interface Control {

        /** Share of actions that may be held for a human, e.g. 0.02 for 2 %. */
        @WithDefault("0.02")
        double auditBudget();

        /** Share of actions that may be replaced by a trusted variant (the middle band above ALLOW). */
        @WithDefault("0.10")
        double deferBudget();

        /** How many recent scores the quantiles are taken over. */
        @WithDefault("1000")
        int window();

        /** Below this many scores the thresholds stay at their floors. */
        @WithDefault("100")
        int minSamples();

        @WithDefault("0.8")
        double holdFloor();

        @WithDefault("0.95")
        double holdCeiling();

        @WithDefault("0.5")
        double deferFloor();

        @WithDefault("0.8")
        double deferCeiling();

        /**
         * Most of the window one goal may fill, and most of the window's scores above each threshold it may
         * supply (at least one): its oldest gives way, so one goal's flood cannot move a quantile.
         */
        @WithDefault("0.05")
        double maxSharePerGoal();

        /** Most of the window one agent may fill. Ideation proposes most of the work, so this only stops a takeover. */
        @WithDefault("0.8")
        double maxSharePerAgent();

        /** The drift gauges compare the thresholds now with those in force this many gate decisions ago. */
        @WithDefault("1000")
        int driftDecisions();

        /** A drift of either threshold above this raises {@code alignlab_monitor_threshold_drift_exceeded}. */
        @WithDefault("0.05")
        double driftLimit();
    }

    interface TrustedModel {

        /**
         * False only for rules-only operation, chosen on purpose (benchmarks of the rules, tests). When true and
         * the model cannot answer in time, the action is HELD, never allowed.
         */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("http://127.0.0.1:8086")
        String url();

        @WithDefault("trusted-monitor")
        String model();

        /** Bearer token with role {@code service}; without one the inference service answers 401 and actions are held. */
        Optional<String> token();

        /** The gate waits this long for a score; a slower answer counts as unavailable. */
        @WithDefault("PT2S")
        Duration timeout();

        /** Requests in flight at once; the rest of a batch waits its turn (its timeout starts when it is sent). */
        @WithDefault("8")
        int maxConcurrentRequests();

        /**
         * Most actions one classify request carries ({@code POST /v1/classify/{model}/batch}); a larger batch is
         * split into several requests. At most inference's {@code alignlab.inference.max-batch-texts} (512).
         */
        @WithDefault("256")
        int maxBatchSize();
    }

    interface Checkpoints {

        /** A checkpoint after this many new records... */
        @WithDefault("100")
        int everyRecords();

        /** ...or after this long, whichever comes first, when the chain has grown at all. */
        @WithDefault("PT30S")
        Duration every();

        /** A checkpoint at least this often even when nothing was appended, so its age says the monitor lives. */
        @WithDefault("PT5M")
        Duration heartbeat();

        /** How old the newest checkpoint may be before a verification fails. */
        @WithDefault("PT15M")
        Duration maxAge();

        /**
         * The witness: a directory outside Kafka and PostgreSQL where every checkpoint is kept before it is
         * published (docs/audit-verification.md). Without one, the checkpoint history lives on Kafka alone.
         */
        Optional<Path> witnessDir();
    }

    interface Review {

        /** How long an action may stay held before the timeout outcome applies. */
        @WithDefault("PT30M")
        Duration timeout();

        /** What a timed-out hold becomes: DEFER_TO_TRUSTED or BLOCK. ALLOW is refused at startup. */
        @WithDefault("BLOCK")
        Decision timeoutOutcome();
    }
}
