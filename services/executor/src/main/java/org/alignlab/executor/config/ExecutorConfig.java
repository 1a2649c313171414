package org.alignlab.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The executor's own settings ({@code alignlab.executor.*}). */
@ConfigMapping(prefix = "alignlab.executor")
public interface ExecutorConfig {

    /**
     * The monitor's Ed25519 public key (Base64 X.509). No default: without it no ticket could be trusted, so the
     * service refuses to start.
     */
    String monitorPublicKey();

    /**
     * The executor's own Ed25519 private key (Base64 PKCS#8), which signs what it reports on {@code audit.events}:
     * the monitor appends only events signed with it. No default, like the monitor's key.
     */
    String signingKey();

    /** Base64 X.509 public half of {@link #signingKey()}; checked against it at startup. */
    String signingPublicKey();

    /** The monitor, whose committed audit records every ticket is checked against before it runs. */
    @WithDefault("http://127.0.0.1:8083")
    URI monitorUrl();

    /**
     * Bearer token for the monitor's audit API. Not needed to start: without it every ticket waits (and the log
     * says why) until it is set or the ticket expires, so nothing runs unchecked.
     */
    Optional<String> monitorToken();

    /** Connect and answer timeout of one audit-record lookup; a slow monitor is retried, never guessed at. */
    @WithDefault("PT2S")
    Duration monitorTimeout();

    /** The experiments runner jar; its {@code lib/} folder must sit beside it (manifest Class-Path). */
    Path experimentsJar();

    /**
     * DJL's cache of unpacked PyTorch native libraries. Mounted read-only in the sandbox, so it must be populated
     * before the first run.
     */
    @WithDefault("${user.home}/.djl.ai")
    Path djlCacheDir();

    /** The JVM that runs the workload; the executor's own JVM when unset. */
    Optional<Path> javaHome();

    /** Where per-run work directories are created; {@code java.io.tmpdir/alignlab-executor} when unset. */
    Optional<Path> workRoot();

    /**
     * Workloads running at once. Tickets beyond this wait for a slot (see {@code SandboxSlots}); each workload gets
     * the CPU and memory its ticket allows, so this times the largest request is what the node must have.
     */
    @WithDefault("2")
    int maxConcurrentSandboxes();

    /** Bytes of each of the workload's stdout and stderr kept (the tail); the rest is dropped. */
    @WithDefault("1048576")
    int maxLogBytes();

    /** Largest {@code out.json} accepted from the workload. */
    @WithDefault("4194304")
    int maxOutputBytes();

    /**
     * Size of a bubblewrap run's own tmpfs ({@code /work} and {@code /tmp} together); charged to its memory cgroup on
     * top of {@code memoryMb}.
     */
    @WithDefault("256")
    int workDirMb();

    /** Files (inodes) a bubblewrap run's own tmpfs may hold; one more fails with ENOSPC. */
    @WithDefault("10000")
    int workDirFiles();

    /** Bytes of stderr sent back in {@code ExperimentResult.logTail}. */
    @WithDefault("4096")
    int logTailBytes();

    /**
     * Whether the bubblewrap sandbox starts the runner fast: from class-data archives it makes at start (first start
     * of a build only) and keeps in {@code <work-root>/class-data}. False: as before issue 16.
     */
    @WithDefault("true")
    boolean fastRunnerStart();

    /** Which sandbox runs the workload, and the Kubernetes Job sandbox's settings. */
    SandboxSelection sandbox();

    /** Which finished runs are run again to check their stored results. */
    Reexecution reexecution();

    /** Known attacks injected into the live stream, to measure whether the gate still catches them. */
    Honeypot honeypot();

    default Path resolvedJavaHome() {
        return javaHome().orElseGet(() -> Path.of(System.getProperty("java.home")));
    }

    default Path resolvedWorkRoot() {
        return workRoot().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "alignlab-executor"));
    }

    /**
     * {@code alignlab.executor.reexecution.*}: the trusted re-execution audit. A run is chosen when it finishes, at
     * random (an agent cannot tell which of its runs will be checked) or because it is held-out evidence.
     */
    interface Reexecution {

        /** The share of successful runs chosen at random, 0 to 1. */
        @WithDefault("0.1")
        double rate();

        /**
         * Whether every successful held-out replication is run again: the replications are the evidence every claim
         * in a report rests on, so none of them is trusted on one run alone.
         */
        @WithDefault("true")
        boolean everyReplication();

        /**
         * How far a reproduced metric may lie from the recorded one, relative to the larger of the two (and to 1
         * near zero). Runs are deterministic per seed; this only forgives rounding when a re-run lands on a machine
         * with another CPU.
         */
        @WithDefault("1e-9")
        double relativeTolerance();

        /**
         * Re-runs start only when no ticket waits for a sandbox; one waiting longer than this takes its turn in
         * line with the tickets.
         */
        @WithDefault("PT10M")
        Duration maxWait();

        /** How often waiting re-runs are looked for. */
        @WithDefault("5s")
        String pollEvery();
    }

    /**
     * {@code alignlab.executor.honeypot.*}: live recall. The executor injects an attack from its honeypot library
     * every {@link #every()}, remembers it where only the executor reads, learns the gate's verdict, and never runs
     * it.
     */
    interface Honeypot {

        /** Time between scheduled injections, counted from the last one (or from start); zero or less: none. */
        @WithDefault("PT1H")
        Duration every();

        /** How far back live recall counts decided honeypots. */
        @WithDefault("P30D")
        Duration recallWindow();
    }

    /** {@code alignlab.executor.sandbox.*} */
    interface SandboxSelection {

        /** {@code bubblewrap} on this host, or {@code kubernetes}: a Job per run in a cluster. */
        @WithDefault("bubblewrap")
        SandboxKind kind();

        KubernetesSandbox kubernetes();
    }

    enum SandboxKind {
        BUBBLEWRAP,
        KUBERNETES
    }

    /**
     * {@code alignlab.executor.sandbox.kubernetes.*}. The API server and credentials come the way fabric8 finds
     * them (in-cluster service account, {@code KUBECONFIG}, {@code ~/.kube/config}).
     */
    interface KubernetesSandbox {

        @WithDefault("alignlab-sandbox")
        String namespace();

        /** The experiments image. No default: required, and pinned (not {@code latest}), when kind is kubernetes. */
        Optional<String> image();

        @WithDefault("/opt/alignlab/experiments/experiments.jar")
        String experimentsJar();

        @WithDefault("/opt/alignlab/djl-cache")
        String djlCacheDir();

        /** e.g. {@code gvisor}; the cluster's default runtime when unset. */
        Optional<String> runtimeClassName();

        @WithDefault("600")
        int ttlSecondsAfterFinished();

        @WithDefault("256")
        int workDirMb();

        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * How long the Job's pod may take to be created. A pod over the sandbox namespace's ResourceQuota is never
         * created; past this the run is reported as not started, instead of timing out on the run's deadline.
         */
        @WithDefault("PT30S")
        Duration admissionTimeout();

        /** Beyond the wall-clock limit, for scheduling and image pull, before the executor gives up on a Job. */
        @WithDefault("PT5M")
        Duration startGrace();
    }
}
