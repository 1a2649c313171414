package org.alignlab.launcher.cmd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.DemoRunner;
import org.alignlab.launcher.LocalTokens;
import org.alignlab.launcher.Service;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the stack if needed, submits deploy/local/demo-goal.json, follows it to its report "
                + "and verifies the audit chain. Exits 0 only if the goal COMPLETED and the chain verified.")
public class DemoCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "480",
            description = "How long to wait for the goal to finish (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--goal", paramLabel = "FILE",
            description = "The goal to submit (default: deploy/local/demo-goal.json).")
    Path goal;

    @Override
    public Integer call() throws Exception {
        StackOptions options = runDir.options();
        Stack stack = Stack.running(options);
        Path goalFile = goal != null ? goal : options.repoRoot().resolve("deploy/local/demo-goal.json");
        LocalTokens tokens = stack.tokens();
        DemoRunner.Outcome outcome = new DemoRunner(stack.url(Service.ORCHESTRATOR), stack.url(Service.MONITOR),
                tokens.forPerson(Roles.RESEARCHER), tokens.forPerson(Roles.REVIEWER), options.out())
                .run(goalFile, options.runDir().reports(), Duration.ofSeconds(timeoutSeconds));
        return outcome.succeeded() ? 0 : 1;
    }
}
