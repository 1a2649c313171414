package org.alignlab.executor.execution;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.runner.RunnerOutput;
import org.alignlab.executor.sandbox.BwrapCommand;
import org.alignlab.executor.sandbox.SandboxRun;

/** Turns how a sandboxed run ended into the {@link ExperimentResult} the platform sees. */
public final class ResultFactory {

    /** The runner's exit code for a spec it cannot run (bad parameters, unknown family). */
    static final int EXIT_BAD_SPEC = 2;
    /** The JVM's exit code under -XX:+ExitOnOutOfMemoryError. */
    static final int EXIT_OUT_OF_MEMORY = 3;
    static final int SIGXCPU = 24;
    static final int SIGKILL = 9;
    static final int MAX_REASON = 4000;
    private static final int MAX_LINE = 600;
    private static final Pattern DJL_NATIVE_FAILURE = Pattern.compile(
            "(?i)(UnsatisfiedLinkError|EngineException|No deep learning engine|PyTorch native|offline mode"
                    + "|Read-only file system.*(djl|pytorch))");

    private final Path djlCacheDir;
    private final int logTailChars;

    public ResultFactory(Path djlCacheDir, int logTailChars) {
        this.djlCacheDir = djlCacheDir;
        this.logTailChars = logTailChars;
    }

    /** A ticket that never ran. */
    public static ExperimentResult refused(ExecutionTicket ticket, String reason, String traceId, Instant at) {
        return new ExperimentResult(ticket.action().id(), ticket.action().goalId(), ExperimentStatus.REFUSED,
                truncate(reason, MAX_REASON), Map.of(), List.of(), at, at, 0, null, null, null, traceId);
    }

    public ExperimentResult from(ExecutionTicket ticket, SandboxRun run, String traceId) {
        Outcome outcome = outcome(run, ticket.action().spec().resources());
        RunnerOutput output = outcome.output();
        return new ExperimentResult(ticket.action().id(), ticket.action().goalId(), outcome.status(),
                outcome.reason() == null ? null : truncate(outcome.reason(), MAX_REASON),
                output == null ? Map.of() : output.metrics(),
                output == null ? List.of() : output.perSeed(),
                run.startedAt(), run.finishedAt(), Math.max(0, run.duration().toMillis()),
                new ResourceUsage(run.cpuSeconds(), run.maxRssMb()),
                output == null ? null : output.environment(),
                tail(run.stderrTail(), logTailChars),
                traceId);
    }

    private record Outcome(ExperimentStatus status, String reason, RunnerOutput output) {
        static Outcome failed(String reason) {
            return new Outcome(ExperimentStatus.FAILED, reason, null);
        }
    }

    private Outcome outcome(SandboxRun run, ResourceRequest limits) {
        return switch (run.ending()) {
            case NOT_STARTED -> Outcome.failed(run.outputProblem());
            case KILLED -> new Outcome(ExperimentStatus.KILLED, "stopped by the executor before it finished", null);
            case TIMED_OUT -> new Outcome(ExperimentStatus.TIMED_OUT, "wall-clock limit of " + limits.wallSeconds()
                    + " s reached; the sandbox's process tree was killed", null);
            case EXITED -> exited(run, limits);
        };
    }

    private Outcome exited(SandboxRun run, ResourceRequest limits) {
        int code = run.exitCode();
        if (run.killedBySignal()) {
            int signal = code - SandboxRun.SIGNAL_EXIT_BASE;
            String why = switch (signal) {
                case SIGXCPU -> "CPU limit of " + limits.cpuSeconds() + " s reached (SIGXCPU)";
                case SIGKILL -> "killed by SIGKILL (CPU hard limit of " + (limits.cpuSeconds() + 1)
                        + " s, or the kernel's out-of-memory killer)";
                default -> "killed by signal " + signal;
            };
            return new Outcome(ExperimentStatus.KILLED, why, null);
        }
        if (code == 0) {
            if (run.output() == null) {
                return Outcome.failed("the runner exited 0 but " + run.outputProblem());
            }
            try {
                return new Outcome(ExperimentStatus.SUCCEEDED, null, RunnerOutputReader.read(run.output()));
            } catch (IllegalArgumentException e) {
                return Outcome.failed("the runner exited 0 but " + e.getMessage());
            }
        }
        String lastLine = lastLine(run.stderrTail());
        if (lastLine.startsWith("bwrap:")) {
            return Outcome.failed("the sandbox failed to start: " + lastLine);
        }
        if (code == EXIT_BAD_SPEC) {
            return Outcome.failed("the runner rejected the spec (exit 2): " + lastLine);
        }
        // The JVM prints "Terminating due to java.lang.OutOfMemoryError" on stdout, a stack trace may go to stderr.
        if (code == EXIT_OUT_OF_MEMORY && (run.stderrTail().contains("OutOfMemoryError")
                || run.stdoutTail().contains("OutOfMemoryError"))) {
            return Outcome.failed("out of memory: the heap of " + BwrapCommand.heapMb(limits.memoryMb())
                    + " MB (3/4 of memoryMb " + limits.memoryMb() + ") ran out");
        }
        String reason = "the runner failed (exit " + code + "): " + lastLine;
        if (DJL_NATIVE_FAILURE.matcher(run.stderrTail()).find()) {
            reason += " — DJL could not load PyTorch: the cache " + djlCacheDir + " (alignlab.executor.djl-cache-dir)"
                    + " must hold the unpacked native libraries before runs, readable by uid 65534 (chmod -R a+rX),"
                    + " because the sandbox mounts it read-only and runs DJL offline";
        }
        return Outcome.failed(reason);
    }

    static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return last.isEmpty() ? "(no output on stderr)" : truncate(last, MAX_LINE);
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    static String truncate(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }
}
