package org.alignlab.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a fault schedule against the stack: at each fault's moment, {@code kill -9}, the fault's downtime, then the
 * launcher's {@code up} until every service is ready again. Faults never overlap: one that comes due while the last
 * restart is still under way waits for it.
 */
final class FaultInjector implements Runnable {

    /** What happened to one scheduled fault. */
    record Played(FaultSchedule.Fault fault, List<Long> pids, Duration restartTook, String error) {
    }

    private final ChaosStack stack;
    private final FaultSchedule schedule;
    private final PrintStream out;
    private final long startNanos;
    private final List<Played> played = new ArrayList<>();

    FaultInjector(ChaosStack stack, FaultSchedule schedule, PrintStream out, long startNanos) {
        this.stack = stack;
        this.schedule = schedule;
        this.out = out;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        for (FaultSchedule.Fault fault : schedule.faults()) {
            long due = startNanos + fault.at().toNanos();
            while (System.nanoTime() < due && !Thread.currentThread().isInterrupted()) {
                Pause.sleep(Duration.ofMillis(Math.min(500, Math.max(1, (due - System.nanoTime()) / 1_000_000))));
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            List<Long> pids = List.of();
            String error = null;
            long restartStart = 0;
            try {
                pids = stack.kill(fault.component());
                out.printf("[t+%4ds] fault %s: killed pids %s%n", elapsed(), fault, pids);
                Pause.sleep(fault.down());
                restartStart = System.nanoTime();
                stack.restart();
            } catch (Exception e) {
                error = e.toString();
                out.printf("[t+%4ds] fault #%d: restart failed: %s%n", elapsed(), fault.index(), e);
            }
            Duration took = Duration.ofNanos(restartStart == 0 ? 0 : System.nanoTime() - restartStart);
            synchronized (played) {
                played.add(new Played(fault, pids, took, error));
            }
            if (error == null) {
                out.printf("[t+%4ds] fault #%d: %s back, every service ready (restart took %d s)%n", elapsed(),
                        fault.index(), fault.component().id(), took.toSeconds());
            }
        }
    }

    private long elapsed() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    List<Played> played() {
        synchronized (played) {
            return List.copyOf(played);
        }
    }
}
