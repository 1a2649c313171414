package org.alignlab.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker and a real PostgreSQL for a module's {@code @QuarkusTest}s, started once per test JVM
 * (that is, once per module run) and stopped when it exits. Use with
 * {@code @QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)}.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (kafka == null) {
                Path dir = Files.createTempDirectory("alignlab-test-infra");
                kafka = KafkaBroker.start(dir.resolve("kafka"), freePortPair());
                TopicSetup.createAll(kafka.bootstrapServers());
                postgres = PostgresServer.start(dir.resolve("pgdata"), freePort());
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll));
            }
            return Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", PostgresServer.USER,
                    "quarkus.datasource.password", "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start test infrastructure", e);
        }
    }

    @Override
    public void stop() {
        // Kept for the other test classes of this JVM; the shutdown hook stops it.
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
        } catch (Exception e) {
            System.err.println("test infrastructure did not stop cleanly: " + e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port whose successor is free too: the broker's controller listens on port + 1. */
    static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}
