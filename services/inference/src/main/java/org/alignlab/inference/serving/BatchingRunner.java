package org.alignlab.inference.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelBusyException;
import org.alignlab.inference.engine.Tensor;
import org.jboss.logging.Logger;

/**
 * Dynamic batching for one model, one worker per predictor. A request that finds nothing queued and a worker free
 * runs alone on its caller's thread: batching could only delay it, and handing it to other threads costs more than
 * its forward pass. Otherwise it waits in a bounded queue; a batcher thread, holding a free worker, takes the first
 * waiting request and hands a batch to the worker: one forward pass, its outputs cut back into one answer per
 * request. When that worker is the last free one, the batch keeps taking requests until it holds
 * {@code max-batch-size} rows or {@code max-delay} has passed since the first arrived; while another worker is free
 * it takes only what is already queued, as a later request would find that worker anyway. So batches form, and grow
 * with the load, only once the predictors are busy. A request that finds the queue full is refused at once.
 */
public final class BatchingRunner implements ModelRunner {

    private static final Logger LOG = Logger.getLogger(BatchingRunner.class);
    /** How often an idle batcher looks whether it was closed. */
    private static final long IDLE_POLL_MS = 200;

    /** One request in the queue; {@code answer} completes with its outputs or its failure. */
    private record Pending(List<Tensor> inputs, int rows, long enqueuedNanos, CompletableFuture<List<Tensor>> answer) {
    }

    private final String name;
    private final LoadedModel model;
    private final BatchSettings settings;
    private final ModelMeters meters;
    private final BlockingQueue<Pending> queue;
    private final Semaphore freeWorkers;
    private final ExecutorService workers;
    private final Thread batcher;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;
    /** A request taken from the queue that did not fit the last batch: it starts the next one. */
    private volatile Pending carried;

    public BatchingRunner(String name, LoadedModel model, BatchSettings settings, ModelMeters meters) {
        this.name = name;
        this.model = model;
        this.settings = settings;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
        this.freeWorkers = new Semaphore(settings.workers());
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), task -> {
            Thread thread = new Thread(task, "forward-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.batcher = new Thread(this::loop, "batcher-" + name);
        batcher.setDaemon(true);
        batcher.start();
    }

    @Override
    public List<Tensor> run(List<Tensor> inputs) {
        if (closed) {
            throw new IllegalStateException("model " + name + " is closed");
        }
        if (queue.isEmpty() && freeWorkers.tryAcquire()) {
            return runAlone(inputs);
        }
        Pending pending = new Pending(inputs, inputs.get(0).rows(), System.nanoTime(), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            meters.rejected().increment();
            throw new QueueFullException(name, settings.queueSize());
        }
        try {
            return pending.answer().get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Cancelled, so a batch formed later leaves it out instead of computing an answer nobody reads.
            pending.answer().cancel(false);
            throw new ModelBusyException(name);
        } catch (InterruptedException e) {
            pending.answer().cancel(false);
            Thread.currentThread().interrupt();
            throw new ModelBusyException(name);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("prediction failed in " + name, e.getCause());
        } finally {
            meters.latency().record(System.nanoTime() - pending.enqueuedNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private List<Tensor> runAlone(List<Tensor> inputs) {
        long started = System.nanoTime();
        running.incrementAndGet();
        try {
            meters.batchSize().record(inputs.get(0).rows());
            return model.forward(inputs);
        } finally {
            running.decrementAndGet();
            freeWorkers.release();
            meters.latency().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public int queueDepth() {
        return queue.size() + (carried != null ? 1 : 0);
    }

    /** Forward passes running now. */
    int running() {
        return running.get();
    }

    private void loop() {
        while (!closed) {
            try {
                freeWorkers.acquire();
                List<Pending> batch = collect();
                if (batch.isEmpty()) {
                    freeWorkers.release();
                    continue;
                }
                running.incrementAndGet();
                workers.execute(() -> {
                    Runnable answerCallers;
                    try {
                        answerCallers = forward(batch);
                    } finally {
                        running.decrementAndGet();
                        freeWorkers.release();
                    }
                    answerCallers.run();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The executor refused (closing): nothing left to serve.
                LOG.debugf(e, "batcher of %s stops", name);
                return;
            }
        }
    }

    /** The next batch: empty when nothing arrived for a while (so the loop can notice it was closed). */
    private List<Pending> collect() throws InterruptedException {
        Pending first = carried != null ? carried : queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        carried = null;
        List<Pending> batch = new ArrayList<>();
        if (first == null || !add(batch, first)) {
            return batch;
        }
        int rows = first.rows();
        boolean anotherWorkerFree = freeWorkers.availablePermits() > 0;
        long deadline = first.enqueuedNanos() + settings.maxDelay().toNanos();
        while (rows < settings.maxBatchSize()) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 && !anotherWorkerFree ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (rows + next.rows() > settings.maxBatchSize()) {
                carried = next;
                break;
            }
            if (add(batch, next)) {
                rows += next.rows();
            }
        }
        return batch;
    }

    /** Adds a request unless its caller already gave up on it. */
    private static boolean add(List<Pending> batch, Pending pending) {
        if (pending.answer().isDone()) {
            return false;
        }
        batch.add(pending);
        return true;
    }

    /**
     * Runs one forward pass and returns what answers its callers. The answers are given only after the worker is
     * counted free again, so a caller that has its answer never sees the pass that produced it as still running, and
     * its next request can take the worker at once.
     */
    private Runnable forward(List<Pending> batch) {
        try {
            int[] rows = new int[batch.size()];
            List<List<Tensor>> inputs = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                rows[i] = batch.get(i).rows();
                inputs.add(batch.get(i).inputs());
            }
            List<Tensor> stacked = Batches.stack(inputs);
            meters.batchSize().record(stacked.get(0).rows());
            List<List<Tensor>> answers = Batches.split(model.forward(stacked), rows);
            return () -> {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(answers.get(i));
                }
            };
        } catch (RuntimeException e) {
            return () -> batch.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        batcher.interrupt();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ModelBusyException gone = new ModelBusyException(name);
        queue.forEach(pending -> pending.answer().completeExceptionally(gone));
        queue.clear();
    }
}
