package org.alignlab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alignlab.infra.DatabaseCredentials;
import org.alignlab.infra.DatabaseRoles;
import org.alignlab.infra.KafkaCredentials;
import org.alignlab.infra.KafkaUserAcls;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.TopicSetup;

/**
 * Starts the broker and the database as {@code org.alignlab.infra.InfraMain} processes, or prepares the
 * external ones the user named.
 */
public final class InfraStarter {

    public static final String POSTGRES = "postgres";
    /** The PostgreSQL server itself: pg_ctl detaches it from the JVM that started it. */
    public static final String POSTGRES_SERVER = "postgres-server";
    public static final String KAFKA = "kafka";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY = "READY ";

    private final StackOptions options;
    private final ProcessSupervisor supervisor;
    private final PrintStream out;

    public InfraStarter(StackOptions options, ProcessSupervisor supervisor) {
        this.options = options;
        this.supervisor = supervisor;
        this.out = options.out();
    }

    /**
     * Starts (or finds running) PostgreSQL and returns how services connect to it: locally each as its own role,
     * with passwords generated into the run directory's keys/.
     */
    public DatabaseLogins postgres() throws IOException {
        if (options.externalDatabase() != null) {
            out.println("PostgreSQL: using " + options.externalDatabase().jdbcUrl() + " (ALIGNLAB_DB_URL)");
            return DatabaseLogins.external(options.externalDatabase());
        }
        int port = options.ports().postgres();
        Path credentials = options.runDir().databaseCredentials();
        DatabaseLogins local = DatabaseLogins.local(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + PostgresServer.DATABASE,
                DatabaseCredentials.loadOrCreate(credentials, DatabaseRoles.bundled().loginRoles()));
        if (supervisor.running(POSTGRES).isPresent()) {
            out.println("PostgreSQL: already running on port " + port);
            return local;
        }
        out.println("PostgreSQL: starting on port " + port);
        Path pgData = options.runDir().pgData();
        start(POSTGRES, "256m", List.of(POSTGRES, pgData.toString(), Integer.toString(port), credentials.toString()));
        supervisor.writePid(POSTGRES_SERVER, Long.parseLong(
                Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip()));
        return local;
    }

    /**
     * Starts (or finds running) the broker, makes sure every topic exists and returns how services reach it:
     * locally each as its own SCRAM user with its KafkaUser's ACLs, passwords generated into keys/.
     */
    public KafkaLogins kafka() throws IOException {
        if (options.externalKafka() != null) {
            out.println("Kafka: using " + options.externalKafka() + " (KAFKA_BOOTSTRAP_SERVERS); creating topics");
            KafkaLogins external = new KafkaLogins(options.externalKafka(), null);
            try {
                TopicSetup.createAll(external.admin());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while creating topics");
            } catch (IllegalStateException e) {
                throw new LauncherException(e.getMessage(), e);
            }
            return external;
        }
        int port = options.ports().kafka();
        String bootstrap = "127.0.0.1:" + port;
        Path credentials = options.runDir().kafkaCredentials();
        KafkaLogins local = new KafkaLogins(bootstrap,
                KafkaCredentials.loadOrCreate(credentials, KafkaUserAcls.bundled().keySet()));
        if (supervisor.running(KAFKA).isPresent()) {
            out.println("Kafka: already running on " + bootstrap);
            return local;
        }
        out.println("Kafka: starting on " + bootstrap);
        // InfraMain creates every topic and DLQ, and every user with its ACLs, before it reports READY.
        start(KAFKA, "512m", List.of(KAFKA, options.runDir().kafkaData().toString(), Integer.toString(port),
                credentials.toString()));
        return local;
    }

    private void start(String name, String heap, List<String> infraArgs) throws IOException {
        Path log = options.runDir().log(name);
        List<String> command = new java.util.ArrayList<>(List.of(Installation.java(), "-Xmx" + heap,
                "-cp", Installation.infraClassPath(), "org.alignlab.infra.InfraMain"));
        command.addAll(infraArgs);
        ProcessHandle process = supervisor.spawn(name, command, Map.of(), log);
        String address = awaitReady(name, process, log);
        out.println("  " + name + " ready at " + address);
    }

    private static String awaitReady(String name, ProcessHandle process, Path log) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = readyLine(log);
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!process.isAlive()) {
                throw new LauncherException(name + " exited before it was ready; last lines of " + log + ":\n"
                        + String.join("\n", HealthWaiter.tail(log, 30)));
            }
            HealthWaiter.sleep(Duration.ofMillis(300));
        }
        throw new LauncherException(name + " printed no READY line within " + READY_TIMEOUT.toSeconds()
                + " s; last lines of " + log + ":\n" + String.join("\n", HealthWaiter.tail(log, 30)));
    }

    private static Optional<String> readyLine(Path log) throws IOException {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith(READY))
                .map(line -> line.substring(READY.length()).strip())
                .findFirst();
    }
}
