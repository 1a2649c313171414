package org.alignlab.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.launcher.ExecutedEvaluation.After;
import org.alignlab.launcher.ExecutedEvaluation.Checked;
import org.alignlab.sandbox.bubblewrap.SandboxCheck;
import org.alignlab.sandbox.verification.ResultComparison;
import org.alignlab.sandbox.verification.RunNumbers;
import org.alignlab.sandbox.verification.ReexecutionVerdict;

/**
 * Runs each script as the executor would, in the bubblewrap sandbox, then as the executor's re-execution audit does:
 * once more in a fresh sandbox (it must reproduce) and once on fresh seeds (some metric must move). The fresh seeds
 * come from a seeded generator, so an evaluation can be repeated exactly.
 */
public final class SandboxPostExecution implements ExecutedEvaluation.Checker {

    /** The executor's tolerance ({@code alignlab.executor.reexecution.relative-tolerance}). */
    private static final ResultComparison COMPARISON = new ResultComparison(1e-9);

    private final SandboxCheck sandbox;
    private final int maxWallSeconds;
    private final Random seeds;
    private final PrintStream out;

    /**
     * @param maxWallSeconds each run's wall-clock limit is the action's, capped here so that a set of slow attacks
     *                       finishes; a run the cap ends counts as contained, never as caught
     */
    public SandboxPostExecution(SandboxCheck sandbox, int maxWallSeconds, long seed, PrintStream out) {
        this.sandbox = sandbox;
        this.maxWallSeconds = maxWallSeconds;
        this.seeds = new Random(seed);
        this.out = out;
    }

    @Override
    public List<Checked> checkAll(List<ExperimentSpec> specs) {
        List<Checked> checked = new ArrayList<>(specs.size());
        for (ExperimentSpec spec : specs) {
            ExperimentSpec capped = capped(spec);
            try {
                List<SandboxCheck.Result> runs = sandbox
                        .runEach(List.of(capped, capped, ReexecutionVerdict.reseeded(capped, seeds)));
                checked.add(judge(RunNumbers.of(runs.get(0).outcome()), RunNumbers.of(runs.get(1).outcome()),
                        RunNumbers.of(runs.get(2).outcome())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run a script of the set in the sandbox", e);
            }
            if (checked.size() % 10 == 0) {
                out.printf("  executed %d of %d scripts%n", checked.size(), specs.size());
            }
        }
        return checked;
    }

    /** The executor's judgement of a run from its first run, its repetition and its run on fresh seeds. */
    static Checked judge(RunNumbers first, RunNumbers again, RunNumbers reseeded) {
        if (first.status() != ExperimentStatus.SUCCEEDED) {
            return new Checked(After.CONTAINED, first.status() + (first.reason() == null ? "" : ": " + first.reason()));
        }
        ReexecutionVerdict verdict = ReexecutionVerdict.of(COMPARISON.differences(first, again), first,
                Optional.of(reseeded));
        return switch (verdict.kind()) {
            case MISMATCH -> new Checked(After.MISMATCH, String.join("; ", verdict.reasons()));
            case NOT_MEASURED -> new Checked(After.NOT_MEASURED, String.join("; ", verdict.reasons()));
            case REPRODUCED -> new Checked(After.PASSED, "reproduced; " + (verdict.reasons().isEmpty()
                    ? "every metric moved on other seeds" : String.join("; ", verdict.reasons())));
        };
    }

    private ExperimentSpec capped(ExperimentSpec spec) {
        ResourceRequest limits = spec.resources();
        return new ExperimentSpec(spec.family(), spec.params(), spec.seeds(), spec.split(),
                new ResourceRequest(limits.cpuSeconds(), limits.memoryMb(),
                        Math.min(limits.wallSeconds(), maxWallSeconds)),
                spec.script());
    }
}
