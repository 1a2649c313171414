package org.alignlab.sandbox;

import java.nio.file.Path;

/**
 * How the bubblewrap sandbox starts the runner's JVM (issue 16, cheaper sandboxes). Every run is a fresh JVM whose
 * start (class loading, JSON schemas) would otherwise cost about a second.
 *
 * @param classDataDir where the runner's class-data archives are made and kept (see
 *                     {@code bubblewrap.ClassDataArchives}); null: runs start without one
 */
public record RunnerStart(Path classDataDir) {

    /** As before issue 16: no archive. */
    public static final RunnerStart PLAIN = new RunnerStart(null);

    /** Class-data archives kept in {@code classDataDir}: what the executor uses. */
    public static RunnerStart fast(Path classDataDir) {
        return new RunnerStart(classDataDir);
    }
}
