package org.alignlab.sandbox;

import java.nio.file.Path;

/**
 * How the bubblewrap sandbox starts the runner's JVM (issue 16, cheaper sandboxes). Every run is a fresh JVM whose
 * start (class loading, JSON schemas, DJL) would otherwise cost about a second.
 *
 * @param classDataDir where the runner's class-data archives are made and kept (see
 *                     {@code bubblewrap.ClassDataArchives}); null: runs start without one
 * @param quickJit     compile with C1 only ({@code -XX:TieredStopAtLevel=1}): a run is seconds to minutes of mostly
 *                     native PyTorch work, too short for C2's compilations to pay for the CPU they take from the
 *                     run's one-core CPU cgroup; measured much faster for every family on a busy machine, within the noise on an
 *                     idle one (docs/benchmarks.md)
 */
public record RunnerStart(Path classDataDir, boolean quickJit) {

    /** As before issue 16: no archive, the JVM's default tiered compilation. */
    public static final RunnerStart PLAIN = new RunnerStart(null, false);

    /** Class-data archives kept in {@code classDataDir}, and C1 only: what the executor uses. */
    public static RunnerStart fast(Path classDataDir) {
        return new RunnerStart(classDataDir, true);
    }
}
