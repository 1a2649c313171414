package org.alignlab.sandbox.bubblewrap;

import org.alignlab.sandbox.SandboxRun;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.RunOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.runner.RunnerOutput;

/**
 * Runs one agent script in the bubblewrap sandbox exactly as the executor runs a ticket for it (the same staging,
 * command, limits and reading of the run) and reports how it ended. For operators checking a node, and for
 * containment checks by hand. It runs no gate: the script is the operator's own, and nothing is published.
 */
public final class SandboxCheck {

    /** The executor's defaults (alignlab.executor.max-log-bytes, max-output-bytes). */
    static final int MAX_LOG_BYTES = 1024 * 1024;
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    private static final int STDERR_LINES_SHOWN = 15;

    /**
     * What the check ran on and with.
     *
     * @param runnerStart how the runner's JVM starts; the executor's is {@link RunnerStart#fast} with class-data
     *                    archives kept under its work root
     */
    public record Setup(Path experimentsJar, Path djlCacheDir, Path workRoot, Path javaHome,
            RunnerStart runnerStart) {

        /** The runner started plainly. */
        public Setup(Path experimentsJar, Path djlCacheDir, Path workRoot, Path javaHome) {
            this(experimentsJar, djlCacheDir, workRoot, javaHome, RunnerStart.PLAIN);
        }
    }

    /** The run and how the executor would report it. */
    public record Result(SandboxRun run, RunOutcome outcome, String limitsDescription) {
    }

    private final Setup setup;

    public SandboxCheck(Setup setup) {
        this.setup = setup;
    }

    /** The spec the executor would receive for this script; params are the script's free-form inputs. */
    public static ExperimentSpec scriptSpec(String source, Map<String, Object> params, List<Integer> seeds,
            Split split, ResourceRequest limits) {
        return new ExperimentSpec(RunnerRuntime.SCRIPT_FAMILY, params, seeds, split, limits, source);
    }

    /**
     * Stages the workload as the executor does at start, runs the spec once, and removes the staging again. With a
     * class-data directory, the run's runtime's archive is found there or made first (not counted in the run's time).
     */
    public Result run(ExperimentSpec spec) throws IOException {
        return runEach(List.of(spec)).get(0);
    }

    /** Runs each spec in a fresh sandbox, one after another, from one staging of the workload. */
    public List<Result> runEach(List<ExperimentSpec> specs) throws IOException {
        WorkloadStaging.Staged staged = WorkloadStaging.stage(setup.workRoot(), setup.experimentsJar(),
                setup.djlCacheDir());
        try {
            BubblewrapSandbox sandbox = new BubblewrapSandbox(new BubblewrapSandbox.Settings(setup.javaHome(),
                    staged.experimentsJar(), staged.djlCacheDir(), setup.workRoot(), MAX_LOG_BYTES,
                    MAX_OUTPUT_BYTES).with(setup.runnerStart()));
            List<Result> results = new ArrayList<>(specs.size());
            for (ExperimentSpec spec : specs) {
                SandboxRun run = sandbox.run(SandboxRequest.forSpec("check-" + UUID.randomUUID(), spec));
                results.add(new Result(run, RunOutcome.of(run, spec.resources(), setup.djlCacheDir()),
                        sandbox.limitsDescription()));
            }
            return results;
        } finally {
            staged.delete();
        }
    }

    /** Status first, then why, metrics and resource use, then the end of stderr. */
    public static void print(Result result, PrintStream out) {
        SandboxRun run = result.run();
        RunOutcome outcome = result.outcome();
        out.println("status:   " + outcome.status());
        if (outcome.reason() != null) {
            out.println("reason:   " + outcome.reason());
        }
        RunnerOutput output = outcome.output();
        if (output != null) {
            output.metrics().forEach((name, value) -> out.printf(Locale.ROOT, "metric:   %s = %.6g%n", name, value));
        }
        out.printf(Locale.ROOT, "duration: %.2f s, CPU %.2f s, peak RSS %d MB, exit %d (%s)%n",
                run.duration().toMillis() / 1000.0, run.cpuSeconds(), run.maxRssMb(), run.exitCode(),
                run.ending().name().toLowerCase(Locale.ROOT));
        out.println("limits:   " + result.limitsDescription());
        List<String> stderr = run.stderrTail().strip().lines().toList();
        if (!stderr.isEmpty()) {
            out.println("stderr (last lines):");
            stderr.subList(Math.max(0, stderr.size() - STDERR_LINES_SHOWN), stderr.size())
                    .forEach(line -> out.println("  " + line));
        }
    }
}
