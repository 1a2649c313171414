package org.alignlab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides what a local stack looks like.
 *
 * @param externalDatabase an existing PostgreSQL to use instead of starting one, or null
 * @param externalKafka    bootstrap servers of an existing broker to use instead of starting one, or null
 * @param readyTimeout     how long the services together may take to become ready
 * @param serviceSettings  environment a service gets on top of the launcher's own, e.g. ideation's LLM endpoint;
 *                         it wins over the launcher's values and over anything the service would inherit. A
 *                         service already running in the run directory keeps the environment it started with
 */
public record StackOptions(
        Path repoRoot,
        RunDir runDir,
        Ports ports,
        Database externalDatabase,
        String externalKafka,
        Duration readyTimeout,
        PrintStream out,
        Map<Service, Map<String, String>> serviceSettings) {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(240);

    /** Connection settings of a PostgreSQL database. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    public StackOptions {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(out, "out");
        serviceSettings = copy(serviceSettings);
    }

    /** A stack of our own broker and database under {@code runDir}, printing to stdout. */
    public static StackOptions local(Path repoRoot, Path runDir, int portOffset) {
        return new StackOptions(repoRoot, new RunDir(runDir), new Ports(portOffset), null, null,
                DEFAULT_READY_TIMEOUT, System.out, Map.of());
    }

    /** These options, with {@code settings} added to {@code service}'s environment. */
    public StackOptions withSettings(Service service, Map<String, String> settings) {
        Map<Service, Map<String, String>> all = new EnumMap<>(Service.class);
        all.putAll(serviceSettings);
        Map<String, String> merged = new LinkedHashMap<>(serviceSettings.getOrDefault(service, Map.of()));
        merged.putAll(settings);
        all.put(service, merged);
        return new StackOptions(repoRoot, runDir, ports, externalDatabase, externalKafka, readyTimeout, out, all);
    }

    /**
     * Options as the command line sees them: {@code --run-dir} over {@code ALIGNLAB_RUN_DIR} over
     * {@code deploy/local/.run}; the port offset from {@code ALIGNLAB_PORT_OFFSET}, else the one the run
     * directory's stack was started with.
     */
    public static StackOptions fromEnvironment(Map<String, String> env, Path runDirOption) {
        Path repoRoot = Installation.repoRoot(env);
        Path runDirPath = runDirOption != null ? runDirOption
                : blankToNull(env.get("ALIGNLAB_RUN_DIR")) != null ? Path.of(env.get("ALIGNLAB_RUN_DIR"))
                        : repoRoot.resolve("deploy/local/.run");
        RunDir runDir = new RunDir(runDirPath);
        String offset = blankToNull(env.get("ALIGNLAB_PORT_OFFSET"));
        if (offset == null) {
            offset = recordedOffset(runDir);
        }
        Ports ports;
        try {
            ports = Ports.parse(offset);
        } catch (IllegalArgumentException e) {
            throw new LauncherException("ALIGNLAB_PORT_OFFSET: " + e.getMessage());
        }
        Database database = null;
        String dbUrl = blankToNull(env.get("ALIGNLAB_DB_URL"));
        if (dbUrl != null) {
            database = new Database(dbUrl, env.getOrDefault("ALIGNLAB_DB_USER", "postgres"),
                    env.getOrDefault("ALIGNLAB_DB_PASSWORD", ""));
        }
        return new StackOptions(repoRoot, runDir, ports, database, blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                DEFAULT_READY_TIMEOUT, System.out, Map.of());
    }

    private static Map<Service, Map<String, String>> copy(Map<Service, Map<String, String>> settings) {
        Map<Service, Map<String, String>> copy = new EnumMap<>(Service.class);
        if (settings != null) {
            settings.forEach((service, env) -> copy.put(service, Map.copyOf(env)));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String recordedOffset(RunDir runDir) {
        Path file = runDir.portOffsetFile();
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
