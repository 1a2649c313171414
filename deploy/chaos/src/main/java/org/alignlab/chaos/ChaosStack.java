package org.alignlab.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.alignlab.infra.DatabaseCredentials;
import org.alignlab.infra.KafkaAccess;
import org.alignlab.infra.KafkaCredentials;
import org.alignlab.infra.PostgresServer;
import org.alignlab.launcher.Installation;
import org.alignlab.launcher.LocalTokens;
import org.alignlab.launcher.Ports;
import org.alignlab.launcher.ProcessSupervisor;
import org.alignlab.launcher.RunDir;
import org.alignlab.launcher.Service;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;

/**
 * The real stack the harness drives, started by the launcher in a run directory of the harness's own. Faults are
 * {@code kill -9} of the processes the launcher's pid files name; a restart is the launcher's {@code up}, which
 * starts whatever is missing and waits until every service is ready again.
 */
public final class ChaosStack implements AutoCloseable {

    private final Stack stack;
    private final ProcessSupervisor supervisor;
    private final RunDir runDir;
    private final Ports ports;
    private int restarts;

    private ChaosStack(Stack stack) {
        this.stack = stack;
        this.runDir = stack.options().runDir();
        this.ports = stack.options().ports();
        this.supervisor = new ProcessSupervisor(runDir.pids());
    }

    /**
     * A stack in {@code runDir} on ports shifted by {@code portOffset}; the launcher's chatter goes to
     * {@code launcher.log} in the run directory. The monitor gets a higher per-goal action rate, so that a run's
     * pace, not the {@code action-rate} rule, decides how many actions are judged on their content alone.
     */
    public static ChaosStack of(Path runDir, int portOffset, Map<Service, Map<String, String>> settings)
            throws IOException {
        Files.createDirectories(runDir);
        PrintStream launcherLog = new PrintStream(Files.newOutputStream(runDir.resolve("launcher.log"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
        StackOptions options = new StackOptions(Installation.repoRoot(System.getenv()), new RunDir(runDir),
                new Ports(portOffset), null, null, Duration.ofSeconds(420), launcherLog, Map.of());
        for (Map.Entry<Service, Map<String, String>> e : settings.entrySet()) {
            options = options.withSettings(e.getKey(), e.getValue());
        }
        return new ChaosStack(Stack.of(options));
    }

    public void up() throws IOException {
        stack.up();
    }

    public void down() throws IOException {
        stack.down(false);
    }

    public URI url(Service service) {
        return stack.url(service);
    }

    public LocalTokens tokens() throws IOException {
        return stack.tokens();
    }

    /**
     * How the chaos harness reaches the broker: as its superuser, since it plays an attacker who can write any
     * topic (and checks what the services made of it).
     */
    public KafkaAccess kafka() {
        try {
            return KafkaCredentials.access(KafkaCredentials.load(runDir.kafkaCredentials()),
                    "127.0.0.1:" + ports.kafka(), KafkaCredentials.ADMIN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's Kafka users", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + PostgresServer.DATABASE;
    }

    public Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(jdbcUrl(), PostgresServer.USER,
                    DatabaseCredentials.load(runDir.databaseCredentials()).password(PostgresServer.USER));
        } catch (IOException e) {
            throw new SQLException("cannot read the stack's database roles", e);
        }
    }

    public RunDir runDir() {
        return runDir;
    }

    public List<Stack.StatusRow> status() {
        return stack.status();
    }

    /**
     * SIGKILL to the component's processes, nothing else: a sandbox the executor started outlives it, as it would
     * on a real host. The logs of the killed processes are kept beside the fresh ones the restart writes.
     *
     * @return the pids killed
     */
    public List<Long> kill(Component component) throws IOException {
        List<Long> killed = new ArrayList<>();
        for (String name : component.pidNames()) {
            OptionalLong pid = supervisor.recordedPid(name);
            if (pid.isEmpty()) {
                continue;
            }
            var process = ProcessHandle.of(pid.getAsLong()).filter(ProcessSupervisor::isRunning)
                    .filter(supervisor::isOurs);
            if (process.isPresent()) {
                process.get().destroyForcibly();
                killed.add(pid.getAsLong());
            }
        }
        for (Long pid : killed) {
            awaitGone(pid);
        }
        if (component == Component.POSTGRES) {
            // The postmaster's backends notice its death and exit by themselves; the restart must not find them
            // still attached to the old shared memory.
            Pause.sleep(Duration.ofSeconds(2));
        }
        keepLogs(component);
        return killed;
    }

    /** Starts what is missing and waits until every service is ready again. */
    public void restart() throws IOException {
        stack.up();
    }

    private void keepLogs(Component component) {
        restarts++;
        for (String name : component.pidNames()) {
            Path log = runDir.log(name);
            if (Files.exists(log)) {
                try {
                    Files.move(log, runDir.logs().resolve(name + ".killed-" + restarts + ".log"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void awaitGone(long pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ProcessHandle.of(pid).filter(ProcessSupervisor::isRunning).isPresent()
                && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
