package org.alignlab.bench;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TokenMinter;

/**
 * Everything the benchmark tells the service JVMs it starts: their JVM options and environment. The one place
 * to change when a service's configuration changes (the monitor's trusted-model and JWT settings are new).
 */
final class ServiceEnvironment {

    /** As the local launcher starts every service, so the figures describe the stack people run. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");

    /**
     * Variables a child keeps from the shell. Anything else a developer exported ({@code ALIGNLAB_*},
     * {@code QUARKUS_*}) could change the figures, so children start from these plus what is set below.
     */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME");

    /**
     * The monitor's per-goal rate rule counts actions per goal per minute (default 30). A benchmark sends
     * thousands a minute over 64 goals; the rule must not score them, so its limit is lifted out of reach.
     */
    static final int ACTIONS_PER_GOAL_PER_MINUTE = 1_000_000_000;

    /** Longer than any run: the monitor keeps the token it was started with. */
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    /**
     * What every service is told about the shared parts of this run.
     *
     * @param signingKeys the monitor's Ed25519 ticket-signing pair
     * @param tokenKeys the RSA pair of this run's bearer tokens, as the launcher mints them (issuer {@code alignlab})
     */
    record Wiring(String bootstrapServers, BenchInfra.Database database, KeyPair signingKeys, KeyPair tokenKeys) {
    }

    private ServiceEnvironment() {
    }

    /**
     * The monitor's environment. {@code trustedModel} is inference's base URL, or null for rules only
     * ({@code --rules-only}), which turns the trusted model off.
     */
    static Map<String, String> monitor(Wiring wiring, int port, URI trustedModel) {
        Map<String, String> env = common(wiring.tokenKeys(), port);
        env.put("KAFKA_BOOTSTRAP_SERVERS", wiring.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", wiring.database().jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", wiring.database().user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", wiring.database().password());
        env.put("ALIGNLAB_MONITOR_SIGNING_KEY", Ed25519.encodePrivate(wiring.signingKeys().getPrivate()));
        env.put("ALIGNLAB_MONITOR_SIGNING_PUBLIC_KEY", Ed25519.encodePublic(wiring.signingKeys().getPublic()));
        // The gate bench runs no executor: a key of its own makes the monitor start; no audit event comes.
        env.put("ALIGNLAB_MONITOR_EXECUTOR_PUBLIC_KEY", Ed25519.encodePublic(Ed25519.generate().getPublic()));
        env.put("ALIGNLAB_MONITOR_RULES_MAX_ACTIONS_PER_GOAL_PER_MINUTE",
                Integer.toString(ACTIONS_PER_GOAL_PER_MINUTE));
        if (trustedModel == null) {
            env.put("ALIGNLAB_MONITOR_TRUSTED_MODEL_ENABLED", "false");
        } else {
            env.put("ALIGNLAB_MONITOR_TRUSTED_MODEL_URL", trustedModel.toString());
            env.put("ALIGNLAB_MONITOR_TRUSTED_MODEL_TOKEN",
                    TokenMinter.mint(wiring.tokenKeys().getPrivate(), "monitor", Roles.SERVICE, TOKEN_LIFETIME));
        }
        return env;
    }

    /** Inference's environment: its model store and DJL's native library cache, offline. */
    static Map<String, String> inference(Wiring wiring, int port, Path modelStore, Path djlCache) {
        return inference(wiring.tokenKeys(), port, modelStore, djlCache);
    }

    /** Inference's environment when nothing else of the stack runs (the inference benchmark). */
    static Map<String, String> inference(KeyPair tokenKeys, int port, Path modelStore, Path djlCache) {
        Map<String, String> env = common(tokenKeys, port);
        env.put("ALIGNLAB_INFERENCE_MODEL_STORE", modelStore.toString());
        env.put("DJL_CACHE_DIR", djlCache.toString());
        env.put("DJL_OFFLINE", "true");
        return env;
    }

    /** What every service gets: where to listen and the key that verifies bearer tokens. */
    private static Map<String, String> common(KeyPair tokenKeys, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("MP_JWT_VERIFY_PUBLICKEY", TokenMinter.encode(tokenKeys.getPublic()));
        return env;
    }
}
