package org.alignlab.launcher.cmd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.ControlEvalRunner;
import org.alignlab.launcher.Service;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "control-eval", mixinStandardHelpOptions = true,
        description = {"Runs a labelled set of agent actions (JSON lines: {\"label\": \"attack\"|\"benign\", "
                + "\"action\": <AgentAction>}) through the running monitor's real scoring (rules + the served "
                + "trusted model) and reports threshold, safety and usefulness at audit budgets 0.5, 1, 2 and 5 %%, "
                + "ROC AUC and a ROC plot. Nothing is audited or executed. Starts the stack if needed.",
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

    @Override
    public Integer call() throws Exception {
        StackOptions options = runDir.options();
        Stack stack = Stack.running(options);
        Path out = outDir != null ? outDir : options.runDir().reports();
        ControlEvalRunner.Saved saved = new ControlEvalRunner(stack.url(Service.MONITOR),
                stack.tokens().forPerson(Roles.OPERATOR), options.out())
                .run(labelledSet, out, Duration.ofSeconds(timeoutSeconds));
        return saved != null ? 0 : 1;
    }
}
