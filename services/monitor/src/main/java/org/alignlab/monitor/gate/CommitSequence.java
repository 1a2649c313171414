package org.alignlab.monitor.gate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the gate's commits one at a time, on one thread, in the order they were submitted, while the consumer
 * scores the batches after them. Once a commit fails, no later one runs: each fails with that first failure
 * instead, so nothing decided after a batch can leave the database before that batch is resolved, and the channel
 * stops with nothing after it acknowledged. At most {@code places} commits wait or run at once; {@link #submit}
 * blocks for a place, so a slow database slows the consumer instead of filling memory.
 */
final class CommitSequence implements AutoCloseable {

    private final ExecutorService thread;
    private final Semaphore places;
    private final AtomicReference<Throwable> failed = new AtomicReference<>();

    CommitSequence(int places, String threadName) {
        if (places < 1) {
            throw new IllegalArgumentException("a commit sequence needs at least one place");
        }
        this.places = new Semaphore(places);
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread commits = new Thread(runnable, threadName);
            commits.setDaemon(true);
            return commits;
        });
    }

    /**
     * Queues {@code commit} after every commit submitted before it, waiting for a place first.
     *
     * @return completes once {@code commit} ran; fails with what it threw, or without running it when an earlier
     *         commit failed or the sequence is closed
     */
    CompletableFuture<Void> submit(Runnable commit) {
        Throwable earlier = failed.get();
        if (earlier != null) {
            return CompletableFuture.failedFuture(afterFailure(earlier));
        }
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> run(commit, done));
        } catch (RejectedExecutionException e) {
            places.release();
            done.completeExceptionally(e);
        }
        return done;
    }

    private void run(Runnable commit, CompletableFuture<Void> done) {
        Throwable failure = failed.get();
        if (failure == null) {
            try {
                commit.run();
            } catch (Throwable e) { // an Error too: whatever stopped this batch stops the ones after it
                failed.compareAndSet(null, e);
                failure = e;
            }
        } else {
            failure = afterFailure(failure);
        }
        // The place is free before anyone hears of the outcome, so a waiting submit never waits on a callback.
        places.release();
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }

    private static IllegalStateException afterFailure(Throwable earlier) {
        return new IllegalStateException("not committed: an earlier batch failed (" + earlier + ")", earlier);
    }

    /** Refuses new commits and lets those already submitted finish, for at most {@code waitMillis}. */
    void close(long waitMillis) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(10_000);
    }
}
