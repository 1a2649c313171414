package org.alignlab.sandbox;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.runner.RunnerOutput;

/**
 * What a sandboxed run means for the platform: its status, the reason in words an operator can act on, and the
 * runner's validated output when it succeeded. The executor and {@code alignlab sandbox-check} both read runs this
 * way, so the check shows exactly what the executor would report.
 *
 * @param reason null when the run succeeded
 * @param output null unless the run succeeded
 */
public record RunOutcome(ExperimentStatus status, String reason, RunnerOutput output) {

    /** The runner's exit code for a spec it cannot run (bad parameters, unknown family). */
    static final int EXIT_BAD_SPEC = 2;
    /** The JVM's exit code under -XX:+ExitOnOutOfMemoryError. */
    static final int EXIT_OUT_OF_MEMORY = 3;
    static final int SIGXCPU = 24;
    static final int SIGKILL = 9;
    private static final int MAX_LINE = 600;
    private static final Pattern DJL_NATIVE_FAILURE = Pattern.compile(
            "(?i)(UnsatisfiedLinkError|EngineException|No deep learning engine|PyTorch native|offline mode"
                    + "|Read-only file system.*(djl|pytorch))");

    static RunOutcome failed(String reason) {
        return new RunOutcome(ExperimentStatus.FAILED, reason, null);
    }

    /**
     * @param limits      the limits the run had, named in the reason when one of them ended it
     * @param djlCacheDir named in the reason when DJL could not load PyTorch inside
     */
    public static RunOutcome of(SandboxRun run, ResourceRequest limits, Path djlCacheDir) {
        return switch (run.ending()) {
            case NOT_STARTED -> failed(run.outputProblem());
            case KILLED -> new RunOutcome(ExperimentStatus.KILLED, "stopped by the executor before it finished", null);
            case TIMED_OUT -> new RunOutcome(ExperimentStatus.TIMED_OUT, "wall-clock limit of " + limits.wallSeconds()
                    + " s reached; the sandbox's process tree was killed", null);
            case EXITED -> exited(run, limits, djlCacheDir);
        };
    }

    private static RunOutcome exited(SandboxRun run, ResourceRequest limits, Path djlCacheDir) {
        int code = run.exitCode();
        if (run.memoryLimitHit()) {
            return new RunOutcome(ExperimentStatus.KILLED, "memory limit of " + run.memoryLimitMb()
                    + " MB reached: the sandbox's memory cgroup killed it (exit " + code + ")", null);
        }
        if (run.killedBySignal()) {
            int signal = code - SandboxRun.SIGNAL_EXIT_BASE;
            String why = switch (signal) {
                case SIGXCPU -> "CPU limit of " + limits.cpuSeconds() + " s reached (SIGXCPU)";
                case SIGKILL -> "killed by SIGKILL (CPU hard limit of " + (limits.cpuSeconds() + 1)
                        + " s, or the kernel's out-of-memory killer)";
                default -> "killed by signal " + signal;
            };
            return new RunOutcome(ExperimentStatus.KILLED, why, null);
        }
        if (code == 0) {
            if (run.output() == null) {
                return failed("the runner exited 0 but " + run.outputProblem());
            }
            try {
                return new RunOutcome(ExperimentStatus.SUCCEEDED, null, RunnerOutputReader.read(run.output()));
            } catch (IllegalArgumentException e) {
                return failed("the runner exited 0 but " + e.getMessage());
            }
        }
        String lastLine = lastLine(run.stderrTail());
        if (lastLine.startsWith("bwrap:")) {
            return failed("the sandbox failed to start: " + lastLine);
        }
        if (code == EXIT_BAD_SPEC) {
            return failed("the runner rejected the spec (exit 2): " + lastLine);
        }
        // The JVM prints "Terminating due to java.lang.OutOfMemoryError" on stdout, a stack trace may go to stderr.
        if (code == EXIT_OUT_OF_MEMORY && (run.stderrTail().contains("OutOfMemoryError")
                || run.stdoutTail().contains("OutOfMemoryError"))) {
            return failed("out of memory: the heap of " + RunnerLimits.heapMb(limits.memoryMb())
                    + " MB (3/4 of memoryMb " + limits.memoryMb() + ") ran out");
        }
        String reason = "the runner failed (exit " + code + "): " + lastLine;
        if (DJL_NATIVE_FAILURE.matcher(run.stderrTail()).find()) {
            reason += " — DJL could not load PyTorch: the cache " + djlCacheDir + " (alignlab.executor.djl-cache-dir)"
                    + " must hold the unpacked native libraries before runs, readable by uid 65534 (chmod -R a+rX),"
                    + " because the sandbox mounts it read-only and runs DJL offline";
        }
        return failed(reason);
    }

    static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.isEmpty() ? "(no output on stderr)" : truncate(last, MAX_LINE);
    }

    public static String truncate(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }
}
