package org.alignlab.sandbox;

import org.alignlab.contracts.events.ResourceRequest;

/** How a run's resource request becomes the runner's limits, the same in every sandbox. */
public final class RunnerLimits {

    static final int MIN_HEAP_MB = 32;

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
