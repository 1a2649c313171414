package org.alignlab.launcher.cmd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.ControlEvalRunner;
import org.alignlab.launcher.Installation;
import org.alignlab.launcher.SandboxPostExecution;
import org.alignlab.launcher.ServiceStarter;
import org.alignlab.launcher.Service;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;
import org.alignlab.sandbox.RunnerStart;
import org.alignlab.sandbox.bubblewrap.SandboxCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "control-eval", mixinStandardHelpOptions = true,
        description = {"Runs a labelled set of agent actions (JSON lines: {\"label\": \"attack\"|\"benign\", "
                + "\"action\": <AgentAction>}) through the running monitor's real scoring (rules + the served "
                + "trusted model) and reports threshold, safety and usefulness at audit budgets 0.5, 1, 2 and 5 %%, "
                + "ROC AUC and a ROC plot. Nothing is audited. Starts the stack if needed.",
                "With --execute, the agent scripts the gate would let run are also run in the bubblewrap sandbox as "
                        + "the executor runs them, then again and on fresh seeds as its re-execution audit does; "
                        + "the report then says per budget and category what was caught before execution, caught "
                        + "after it, and missed.",
                "Exit status: 0 evaluated, 1 the monitor refused the set (the problem is printed) or cannot be "
                        + "reached."})
public class ControlEvalCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Parameters(paramLabel = "FILE.jsonl", description = "The labelled set, one labelled action per line.")
    Path labelledSet;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write control-eval-<time>.json and .png (default: the run dir's reports/).")
    Path outDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long the monitor may take to score the set (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--execute", description = "Also run what the gate would let run and check it after execution.")
    boolean execute;

    @Option(names = "--max-wall-seconds", defaultValue = "30",
            description = "With --execute: caps each run's wall-clock limit (default: ${DEFAULT-VALUE}); a run the "
                    + "cap ends counts as contained, never as caught.")
    int maxWallSeconds;

    @Option(names = "--seed", defaultValue = "1",
            description = "With --execute: seeds the choice of fresh seeds, so an evaluation repeats exactly "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        StackOptions options = runDir.options();
        Stack stack = Stack.running(options);
        Path out = outDir != null ? outDir : options.runDir().reports();
        ControlEvalRunner.Saved saved = new ControlEvalRunner(stack.url(Service.MONITOR),
                stack.tokens().forPerson(Roles.OPERATOR), options.out())
                .run(labelledSet, out, Duration.ofSeconds(timeoutSeconds), execute ? checker(options) : null);
        return saved != null ? 0 : 1;
    }

    /** The sandbox as {@code sandbox-check} sets it up: the executor's runner start, from class-data archives. */
    private SandboxPostExecution checker(StackOptions options) {
        Path experimentsJar = ServiceStarter.experimentsJar(options.repoRoot());
        Path workRoot = Path.of(System.getProperty("java.io.tmpdir"), "alignlab-control-eval");
        SandboxCheck sandbox = new SandboxCheck(new SandboxCheck.Setup(experimentsJar, options.runDir().djlCache(),
                workRoot, Path.of(Installation.java()).getParent().getParent(),
                RunnerStart.fast(workRoot.resolve("class-data"))));
        return new SandboxPostExecution(sandbox, maxWallSeconds, seed, options.out());
    }
}
