package org.alignlab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.DatabaseCredentials;
import org.alignlab.infra.DatabaseRoles;
import org.alignlab.infra.KafkaAccess;
import org.alignlab.infra.KafkaBroker;
import org.alignlab.infra.KafkaCredentials;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.infra.KafkaUserAcls;
import org.alignlab.infra.LocalPorts;
import org.alignlab.infra.Passwords;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.TopicSetup;

/**
 * A real Kafka broker and a real PostgreSQL for a module's {@code @QuarkusTest}s, started once per test JVM
 * (that is, once per module run) and stopped when it exits; also the public key that verifies
 * {@link TestTokens}. Use with
 * {@code @QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Both authenticate as in production: the service under test logs in to Kafka as its own KafkaUser, with
 * exactly that user's ACLs, and to PostgreSQL as its own role, so a test passes only if the service works with
 * the rights Kubernetes gives it. The service is the module's directory name ({@code services/monitor} runs as
 * {@code monitor}), or the system property {@value #SERVICE_PROPERTY}. The tests themselves play every other
 * service, so their probes act as the Kafka superuser ({@link #kafkaProbe()}) and {@link #superuser()}.
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

    /** Names the service under test where the module's directory does not. */
    public static final String SERVICE_PROPERTY = "alignlab.test.service";

    private static KafkaBroker kafka;
    private static Set<String> kafkaUsers;
    private static PostgresServer postgres;
    private static Path postgresDir;
    private static Passwords databaseCredentials;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (kafka == null) {
                quietKafka();
                Path dir = Files.createTempDirectory("alignlab-test-infra");
                kafkaUsers = KafkaUserAcls.bundled().keySet();
                kafka = KafkaBroker.start(dir.resolve("kafka"), LocalPorts.freePair(),
                        KafkaCredentials.generate(kafkaUsers));
                TopicSetup.createAll(kafka.adminAccess());
                postgresDir = dir.resolve("pgdata");
                databaseCredentials = DatabaseCredentials.generate(DatabaseRoles.bundled().loginRoles());
                postgres = PostgresServer.start(postgresDir, LocalPorts.free(), databaseCredentials);
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll));
            }
            // A service without a KafkaUser or a database role (inference) gets neither: it must not need them.
            String service = serviceUnderTest();
            Map<String, String> config = new LinkedHashMap<>();
            if (kafkaUsers.contains(service)) {
                config.putAll(kafka.access(service).quarkusConfig());
            }
            if (databaseCredentials.has(service)) {
                config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                config.put("quarkus.datasource.username", service);
                config.put("quarkus.datasource.password", databaseCredentials.password(service));
            }
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
     * The service this module tests: {@value #SERVICE_PROPERTY} if set, else the name of the directory the tests
     * run in (surefire runs them in the module's).
     */
    static String serviceUnderTest() {
        String named = System.getProperty(SERVICE_PROPERTY, "");
        return named.isBlank() ? Path.of("").toAbsolutePath().getFileName().toString() : named;
    }

    /**
     * A superuser's probe on the broker this test JVM started, looked up on first use: a test class may create it
     * before the test resources have started.
     */
    public static KafkaProbe kafkaProbe() {
        return new KafkaProbe(TestInfrastructure::kafkaAdmin);
    }

    /** How the Kafka superuser reaches the broker, for tests that build their own clients. */
    public static KafkaAccess kafkaAdmin() {
        return kafka.adminAccess();
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** A connection as the database superuser: the tests' stand-in for an attacker or an operator with it. */
    public static Connection superuser() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER,
                databaseCredentials.password(PostgresServer.USER));
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
            postgres = PostgresServer.start(postgresDir, port, databaseCredentials);
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
