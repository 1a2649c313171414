package org.alignlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The layout of a run directory: everything one local stack writes lives under it. */
public record RunDir(Path root) {

    public RunDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path pids() {
        return root.resolve("pids");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path keys() {
        return root.resolve("keys");
    }

    /** Passwords of the broker's users ({@code KafkaCredentials}), owner-only like everything in keys/. */
    public Path kafkaCredentials() {
        return keys().resolve("kafka-users.properties");
    }

    /** Passwords of the database's roles ({@code DatabaseCredentials}), owner-only like everything in keys/. */
    public Path databaseCredentials() {
        return keys().resolve("database-roles.properties");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path pgData() {
        return data().resolve("pgdata");
    }

    public Path kafkaData() {
        return data().resolve("kafka");
    }

    /**
     * The monitor's checkpoint witness, beside the database and broker it witnesses: wiping the data wipes all
     * three together (a witness that outlived its database would rightly make the monitor refuse to sign).
     */
    public Path auditWitness() {
        return data().resolve("audit-witness");
    }

    public Path djlCache() {
        return root.resolve("djl-cache");
    }

    public Path envFile() {
        return root.resolve("alignlab.env");
    }

    /** The port offset the stack in this directory was started with, so later commands find its ports. */
    public Path portOffsetFile() {
        return root.resolve("port-offset");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    /**
     * Creates the layout with explicit modes, whatever the umask: the sandbox runs experiments as an unprivileged
     * user that must traverse the run directory to read the DJL cache, while the keys stay the owner's alone.
     */
    public void create() throws IOException {
        for (Path dir : new Path[] {root, logs(), pids(), data(), keys(), reports(), djlCache()}) {
            Files.createDirectories(dir);
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(djlCache(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys(), PosixFilePermissions.fromString("rwx------"));
    }
}
