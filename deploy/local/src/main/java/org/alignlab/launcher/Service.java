package org.alignlab.launcher;

import java.nio.file.Path;
import java.util.Locale;

/** The platform's services, in start order, with the port each listens on when no offset applies. */
public enum Service {
    ORCHESTRATOR(8081, true),
    IDEATION(8082, true),
    MONITOR(8083, true),
    EXECUTOR(8084, true),
    REVIEW(8085, true),
    INFERENCE(8086, false);

    private final int basePort;
    private final boolean usesDatabase;

    Service(int basePort, boolean usesDatabase) {
        this.basePort = basePort;
        this.usesDatabase = usesDatabase;
    }

    /** The module directory name, also the name of its log and pid file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int basePort() {
        return basePort;
    }

    public boolean usesDatabase() {
        return usesDatabase;
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve("services").resolve(id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Service byId(String id) {
        for (Service s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no service " + id);
    }
}
