package org.alignlab.chaos;

import java.util.List;
import java.util.Locale;
import org.alignlab.launcher.InfraStarter;

/**
 * What the fault injector kills: every service that handles an action, the broker and the database. Each names the
 * pid files (the launcher's) of the processes one {@code kill -9} takes down.
 */
public enum Component {
    MONITOR(List.of("monitor")),
    EXECUTOR(List.of("executor")),
    ORCHESTRATOR(List.of("orchestrator")),
    REVIEW(List.of("review")),
    IDEATION(List.of("ideation")),
    INFERENCE(List.of("inference")),
    KAFKA(List.of(InfraStarter.KAFKA)),
    // The server and the JVM that started it: a server left without its JVM would make the restart find the data
    // directory locked, and a JVM left without its server would make the launcher believe PostgreSQL is up.
    POSTGRES(List.of(InfraStarter.POSTGRES_SERVER, InfraStarter.POSTGRES));

    private final List<String> pidNames;

    Component(List<String> pidNames) {
        this.pidNames = pidNames;
    }

    public List<String> pidNames() {
        return pidNames;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
