package org.alignlab.sandbox;

import org.alignlab.contracts.events.ResourceRequest;

/** How a run's resource request becomes the runner's limits, the same in every sandbox. */
public final class RunnerLimits {

    static final int MIN_HEAP_MB = 32;

    /**
     * What a run may leave in its private file systems ({@code /work} and {@code /tmp} together): bytes and files.
     * Both live in one tmpfs, so nothing a run writes reaches the host's disk, and its pages count against the
     * run's memory cgroup.
     *
     * @param maxBytes the tmpfs size; a write beyond it fails with ENOSPC
     * @param maxFiles the tmpfs inode count (files, directories, links); one more fails with ENOSPC
     */
    public record WorkDir(long maxBytes, long maxFiles) {

        /** Room for a compiled script, checkpoints of small models and their logs. */
        public static final WorkDir DEFAULT = new WorkDir(256L * 1024 * 1024, 10_000);

        public WorkDir {
            if (maxBytes < 1024 * 1024 || maxFiles < 64) {
                throw new IllegalArgumentException("work dir limits too small to start a JVM: " + maxBytes
                        + " bytes, " + maxFiles + " files");
            }
        }

        public long maxMb() {
            return maxBytes / (1024 * 1024);
        }
    }

    private RunnerLimits() {
    }

    /** The {@code -Xmx} in MB for a run limited to {@code memoryMb}. */
    public static int heapMb(int memoryMb) {
        // A quarter is left for metaspace, code cache, thread stacks and native buffers.
        return Math.max(MIN_HEAP_MB, memoryMb * 3 / 4);
    }

    /**
     * The CPU rate a run gets, in whole cores: enough to spend its CPU seconds within its wall-clock limit, at least
     * one.
     */
    public static int cores(ResourceRequest limits) {
        int wall = Math.max(1, limits.wallSeconds());
        return Math.max(1, (limits.cpuSeconds() + wall - 1) / wall);
    }
}
