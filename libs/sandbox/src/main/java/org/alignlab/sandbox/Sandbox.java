package org.alignlab.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * Runs the experiments workload isolated from the host: no network, read-only runtime, hard resource limits.
 * Implementations: {@code bubblewrap.BubblewrapSandbox} locally; {@code kubernetes.KubernetesJobSandbox} (a Job per run) in a
 * cluster.
 */
public interface Sandbox {

    /** Short name for audit details and logs, e.g. {@code bubblewrap}. */
    String name();

    /** Empty when runs can start; otherwise why not, in words an operator can act on. Never runs unsandboxed. */
    Optional<String> whyUnavailable();

    default boolean available() {
        return whyUnavailable().isEmpty();
    }

    /** Problems that let runs start but will make some fail, for the operator's log at start. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Makes ready, at start, what speeds up runs but is not needed for them (the bubblewrap sandbox's class-data
     * archives); may take a minute the first time. A run of a runtime whose archive is being made waits for it; if
     * making it fails, runs go on without it.
     */
    default void prepare() {
    }

    /** Runs the workload once and returns how it ended. Never throws for a failing workload. */
    SandboxRun run(SandboxRequest request);
}
