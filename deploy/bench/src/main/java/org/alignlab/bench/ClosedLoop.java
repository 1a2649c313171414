package org.alignlab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} threads, each sending its next request as soon as the last was answered,
 * first untimed for the warm-up, then timed. Each thread records into its own histogram (microseconds); they are
 * merged at the end, so recording never makes the threads wait for each other.
 */
final class ClosedLoop {

    /** One request; returns false for an answer that is not a success (a 503, say), throws when there is none. */
    @FunctionalInterface
    interface Call {
        boolean send(int thread, long sequence) throws Exception;
    }

    /**
     * What one timed phase gave.
     *
     * @param failed answers that were not successes, and requests that got no answer
     */
    record Result(int concurrency, long succeeded, long failed, double seconds, Histogram micros) {

        double throughput() {
            return succeeded / seconds;
        }

        LatencySummary latency() {
            return LatencySummary.ofMicros(micros);
        }
    }

    private ClosedLoop() {
    }

    static Result run(int concurrency, Duration warmUp, Duration measured, Call call) throws InterruptedException {
        AtomicBoolean timing = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failed = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            int thread = t;
            Thread worker = new Thread(() -> {
                started.countDown();
                for (long sequence = 0; !stop.get(); sequence++) {
                    long begin = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.send(thread, sequence);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (timing.get() && !stop.get()) {
                        if (ok) {
                            histogram.recordValue(Math.min(60_000_000L, (System.nanoTime() - begin) / 1000));
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            }, "load-" + t);
            worker.setDaemon(true);
            worker.start();
            threads.add(worker);
        }
        started.await();
        Thread.sleep(warmUp.toMillis());
        long begin = System.nanoTime();
        timing.set(true);
        Thread.sleep(measured.toMillis());
        stop.set(true);
        double seconds = (System.nanoTime() - begin) / 1e9;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(concurrency, all.getTotalCount(), failed.get(), seconds, all);
    }
}
