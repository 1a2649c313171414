package org.alignlab.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How one sandboxed run ended.
 *
 * @param exitCode      the workload's exit status; above 128 means it died of signal {@code exitCode - 128}
 * @param cpuSeconds    CPU time of the sandbox's processes, sampled from /proc while it ran
 * @param maxRssMb      the largest resident set seen (sum of the processes' peaks), sampled from /proc
 * @param output        the workload's {@code out.json}, or null when there was none usable
 * @param outputProblem why {@code output} is null, or null
 * @param oomKilledAtLimitMb the sandbox's memory cgroup limit when the kernel OOM-killed inside it for reaching
 *                      that limit; 0 when it did not, or the sandbox had no memory cgroup
 */
public record SandboxRun(
        Ending ending,
        int exitCode,
        Instant startedAt,
        Instant finishedAt,
        double cpuSeconds,
        long maxRssMb,
        String stdoutTail,
        String stderrTail,
        String output,
        String outputProblem,
        long oomKilledAtLimitMb) {

    /** A run with no memory-cgroup kill (sandboxes without cgroups, or runs that stayed within them). */
    public SandboxRun(Ending ending, int exitCode, Instant startedAt, Instant finishedAt, double cpuSeconds,
            long maxRssMb, String stdoutTail, String stderrTail, String output, String outputProblem) {
        this(ending, exitCode, startedAt, finishedAt, cpuSeconds, maxRssMb, stdoutTail, stderrTail, output,
                outputProblem, 0);
    }

    /** How the process tree ended. */
    public enum Ending {
        /** The workload exited by itself (possibly killed by a signal, such as the CPU limit's). */
        EXITED,
        /** The wall-clock limit ran out and the whole process tree was killed. */
        TIMED_OUT,
        /** The executor stopped it before it finished (it is shutting down). */
        KILLED,
        /** The sandbox could not be started at all. */
        NOT_STARTED
    }

    public static final int SIGNAL_EXIT_BASE = 128;

    public boolean killedBySignal() {
        return ending == Ending.EXITED && exitCode > SIGNAL_EXIT_BASE;
    }

    public boolean memoryLimitHit() {
        return oomKilledAtLimitMb > 0;
    }

    public long memoryLimitMb() {
        return oomKilledAtLimitMb;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
