package org.alignlab.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run started, stopped in reverse order once: at the end of the run, or from a shutdown hook when the
 * run is interrupted, so no service JVM or database outlives the benchmark.
 */
final class Teardown implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "gate-bench-teardown");

    Teardown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    private synchronized void closeAll() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("gate-bench: stopping " + resource + " failed: " + e);
            }
        }
    }
}
