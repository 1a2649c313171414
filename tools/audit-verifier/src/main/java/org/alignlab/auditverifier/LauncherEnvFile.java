package org.alignlab.auditverifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code alignlab.env} a local stack's launcher writes ({@code KEY=value} lines): where its database and
 * broker listen and the monitor's public key. Lets {@code alignlab audit-verify} run with no options at all.
 */
final class LauncherEnvFile {

    static final String JDBC_URL = "ALIGNLAB_JDBC_URL";
    static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
    static final String PUBLIC_KEY = "ALIGNLAB_MONITOR_PUBLIC_KEY";
    static final String EXECUTOR_PUBLIC_KEY = "ALIGNLAB_EXECUTOR_PUBLIC_KEY";
    static final String WITNESS_DIR = "ALIGNLAB_AUDIT_WITNESS_DIR";
    static final String AUDITOR_USER = "ALIGNLAB_AUDITOR_DB_USER";
    static final String AUDITOR_PASSWORD = "ALIGNLAB_AUDITOR_DB_PASSWORD";

    private LauncherEnvFile() {
    }

    /**
     * The launcher's own choice of run directory, {@code $ALIGNLAB_RUN_DIR} over {@code deploy/local/.run} under
     * {@code $ALIGNLAB_HOME}; only when that file exists.
     */
    static Optional<Path> defaultLocation(Map<String, String> env) {
        Path file;
        if (!env.getOrDefault("ALIGNLAB_RUN_DIR", "").isBlank()) {
            file = Path.of(env.get("ALIGNLAB_RUN_DIR"), "alignlab.env");
        } else if (!env.getOrDefault("ALIGNLAB_HOME", "").isBlank()) {
            file = Path.of(env.get("ALIGNLAB_HOME"), "deploy", "local", ".run", "alignlab.env");
        } else {
            return Optional.empty();
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The launcher single-quotes values with spaces (the JAAS line) so that a shell can source the file. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).strip(), unquoted(line.substring(equals + 1).strip()));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + file, e);
        }
    }
}
