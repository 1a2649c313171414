package org.alignlab.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Starts the service JVMs; the one place that says which environment each service gets. */
public final class ServiceStarter {

    /** Where the stack's shared parts are, and how each service logs in to them, as the services need to be told. */
    public record Wiring(KafkaLogins kafka, DatabaseLogins database, SigningKeys keys, SigningKeys executorKeys,
            LocalTokens tokens) {
    }

    /**
     * Secrets a developer may have exported for the launcher or for one service (or sourced from
     * {@code alignlab.env}): a child never inherits them, it gets what {@link #environment} gives it or nothing.
     */
    static final Set<String> NOT_INHERITED = Set.of(
            "ALIGNLAB_MONITOR_SIGNING_KEY", "ALIGNLAB_EXECUTOR_SIGNING_KEY", "ALIGNLAB_DB_PASSWORD",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG",
            "ALIGNLAB_TOKEN_RESEARCHER", "ALIGNLAB_TOKEN_REVIEWER", "ALIGNLAB_TOKEN_OPERATOR",
            "ALIGNLAB_MONITOR_TRUSTED_MODEL_TOKEN", "ALIGNLAB_EXECUTOR_MONITOR_TOKEN");

    private final StackOptions options;
    private final ProcessSupervisor supervisor;

    public ServiceStarter(StackOptions options, ProcessSupervisor supervisor) {
        this.options = options;
        this.supervisor = supervisor;
    }

    public static Path experimentsJar(Path repoRoot) {
        return repoRoot.resolve("libs/experiments/target/experiments-0.1.0-SNAPSHOT.jar");
    }

    public URI url(Service service) {
        return URI.create("http://127.0.0.1:" + options.ports().service(service));
    }

    /** Starts the service unless it already runs; returns its process. */
    public ProcessHandle start(Service service, Wiring wiring) throws IOException {
        var running = supervisor.running(service.id());
        if (running.isPresent()) {
            options.out().println("  " + service.id() + " already running (pid " + running.get().pid() + ")");
            return running.get();
        }
        List<String> command = List.of(Installation.java(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", service.jar(options.repoRoot()).toString());
        ProcessHandle process = supervisor.spawn(service.id(), command, environment(service, wiring), NOT_INHERITED,
                options.runDir().log(service.id()));
        options.out().println("  " + service.id() + " starting on " + url(service) + " (pid " + process.pid() + ")");
        return process;
    }

    /**
     * The environment of one service: its port, the shared parts, the key every service verifies bearer tokens
     * with, and the keys and service tokens only it may hold.
     */
    public Map<String, String> environment(Service service, Wiring wiring) throws IOException {
        RunDir run = options.runDir();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(options.ports().service(service)));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY", wiring.tokens().publicKey());
        // Spans go to the stack's Zipkin (TraceBackend), which takes the place of the OTLP exporter.
        env.put("ALIGNLAB_TRACING_ZIPKIN_ENABLED", "true");
        env.put("ALIGNLAB_TRACING_ZIPKIN_ENDPOINT", TraceBackend.spansEndpoint(options.ports()).toString());
        if (service != Service.INFERENCE) {
            // Each service is its own Kafka user, with the ACLs of its KafkaUser and nothing more.
            env.putAll(wiring.kafka().as(service.id()).environment());
            // A consumer believes a verdict only with the monitor's signature, a result only with the executor's.
            env.put("ALIGNLAB_KEYS_MONITOR_PUBLIC_KEY", wiring.keys().publicKey());
            env.put("ALIGNLAB_KEYS_EXECUTOR_PUBLIC_KEY", wiring.executorKeys().publicKey());
        }
        if (service.usesDatabase()) {
            StackOptions.Database login = wiring.database().as(service.id());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", login.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", login.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        }
        switch (service) {
            case ORCHESTRATOR -> env.put("ALIGNLAB_ORCHESTRATOR_MONITOR_URL", url(Service.MONITOR).toString());
            case MONITOR -> {
                env.put("ALIGNLAB_MONITOR_SIGNING_KEY", wiring.keys().privateKey());
                env.put("ALIGNLAB_MONITOR_SIGNING_PUBLIC_KEY", wiring.keys().publicKey());
                env.put("ALIGNLAB_MONITOR_EXECUTOR_PUBLIC_KEY", wiring.executorKeys().publicKey());
                env.put("ALIGNLAB_MONITOR_CHECKPOINTS_WITNESS_DIR", run.auditWitness().toString());
                env.put("ALIGNLAB_MONITOR_TRUSTED_MODEL_URL", url(Service.INFERENCE).toString());
                env.put("ALIGNLAB_MONITOR_TRUSTED_MODEL_TOKEN", wiring.tokens().forService(Service.MONITOR));
            }
            case EXECUTOR -> {
                env.put("ALIGNLAB_EXECUTOR_MONITOR_PUBLIC_KEY", wiring.keys().publicKey());
                env.put("ALIGNLAB_EXECUTOR_SIGNING_KEY", wiring.executorKeys().privateKey());
                env.put("ALIGNLAB_EXECUTOR_SIGNING_PUBLIC_KEY", wiring.executorKeys().publicKey());
                env.put("ALIGNLAB_EXECUTOR_MONITOR_URL", url(Service.MONITOR).toString());
                env.put("ALIGNLAB_EXECUTOR_MONITOR_TOKEN", wiring.tokens().forService(Service.EXECUTOR));
                env.put("ALIGNLAB_EXECUTOR_EXPERIMENTS_JAR", experimentsJar(options.repoRoot()).toString());
                env.put("ALIGNLAB_EXECUTOR_DJL_CACHE_DIR", run.djlCache().toString());
                putDjl(env, run);
            }
            case INFERENCE -> {
                // The shipped trusted monitor model (models/trusted-monitor/README.md) lives in the repository.
                env.put("ALIGNLAB_INFERENCE_MODEL_STORE",
                        options.repoRoot().resolve("models/trusted-monitor/model-store").toString());
                putDjl(env, run);
            }
            default -> {
                // ideation and review need only the shared parts
            }
        }
        env.putAll(options.serviceSettings().getOrDefault(service, Map.of()));
        return env;
    }

    /** DJL must find its native library unpacked already: the sandbox and an offline machine cannot fetch it. */
    private static void putDjl(Map<String, String> env, RunDir run) {
        env.put("DJL_CACHE_DIR", run.djlCache().toString());
        env.put("DJL_OFFLINE", "true");
    }
}
