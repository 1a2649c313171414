package org.alignlab.testing;

import org.alignlab.infra.LocalPorts;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.infra.TopicSetup;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.alignlab.contracts.security.Roles;

/**
 * A real Kafka broker and a real PostgreSQL for a module's {@code @QuarkusTest}s, started once per test JVM
 * (that is, once per module run) and stopped when it exits; also the public key that verifies
 * {@link TestTokens}. Use with
 * {@code @QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)}.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /**
     * Log categories of the in-process broker, and of every Kafka client, that bury the test output at INFO.
     * Quarkus applies the levels returned by {@link #start()} only once the application boots, after the broker
     * has started and created every topic, so {@link #quietKafka()} sets them before that too.
     */
    static final List<String> QUIET_CATEGORIES = List.of("org.apache.kafka", "kafka", "state.change.logger");

    // Strong references: java.util.logging may forget the level of a logger that is garbage-collected.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static Path postgresDir;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (kafka == null) {
                quietKafka();
                Path dir = Files.createTempDirectory("alignlab-test-infra");
                kafka = KafkaBroker.start(dir.resolve("kafka"), LocalPorts.freePair());
                TopicSetup.createAll(kafka.bootstrapServers());
                postgresDir = dir.resolve("pgdata");
                postgres = PostgresServer.start(postgresDir, LocalPorts.free());
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll));
            }
            Map<String, String> config = new LinkedHashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", "");
            // Every service verifies bearer tokens; tests mint theirs with TestTokens.
            config.put("mp.jwt.verify.publickey", TestTokens.publicKey());
            config.put("mp.jwt.verify.issuer", Roles.ISSUER);
            // Verdicts and results are believed only when their producer signed them: tests sign as it would.
            config.put("alignlab.keys.monitor-public-key", TestProducers.monitorPublicKey());
            config.put("alignlab.keys.executor-public-key", TestProducers.executorPublicKey());
            for (String category : QUIET_CATEGORIES) {
                config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start test infrastructure", e);
        }
    }

    @Override
    public void stop() {
        // Kept for the other test classes of this JVM; the shutdown hook stops it.
    }

    /** Sets {@link #QUIET_CATEGORIES} to WARN in this JVM's logging, for a broker started outside Quarkus too. */
    static void quietKafka() {
        for (String category : QUIET_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /**
     * A probe on the broker this test JVM started, looked up on first use: a test class may create it before the
     * test resources have started.
     */
    public static KafkaProbe kafkaProbe() {
        return new KafkaProbe(TestInfrastructure::bootstrapServers);
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /**
     * Stops PostgreSQL, runs {@code whileDown}, and starts it again on the same port with the same data, for tests
     * of what a service does while its database is gone. PostgreSQL comes back even if {@code whileDown} fails.
     */
    public static synchronized void withPostgresDown(ThrowingRunnable whileDown) throws Exception {
        int port = postgres.port();
        postgres.close();
        try {
            whileDown.run();
        } finally {
            postgres = PostgresServer.start(postgresDir, port);
        }
    }

    /** What runs while PostgreSQL is down. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
        } catch (Exception e) {
            System.err.println("test infrastructure did not stop cleanly: " + e);
        }
    }

}
