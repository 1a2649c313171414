package org.alignlab.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.launcher.Service;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chaos run|fuzz-topics|fuzz-rest}: each starts its own stack (or uses the one up in its run dir). */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Fault injection, topic fuzzing and REST fuzzing against a real local AlignLab stack.",
        subcommands = {ChaosCommand.Run.class, ChaosCommand.FuzzTopics.class, ChaosCommand.FuzzRest.class})
public final class ChaosCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    /** Where the harness's stack lives; never the developer's own. */
    static class StackOptions {
        @Option(names = "--run-dir", description = "run directory of the harness's stack (default deploy/chaos/.run)")
        Path runDir;

        @Option(names = "--port-offset", defaultValue = "300",
                description = "shifts every port (default ${DEFAULT-VALUE})")
        int portOffset;

        @Option(names = "--keep-up", description = "leave the stack running afterwards")
        boolean keepUp;

        @Option(names = "--seed", defaultValue = "7", description = "seeds everything the run draws (default 7)")
        long seed;

        ChaosStack open() throws java.io.IOException {
            Path dir = runDir != null ? runDir
                    : org.alignlab.launcher.Installation.repoRoot(System.getenv()).resolve("deploy/chaos/.run");
            return ChaosStack.of(dir, portOffset, stackSettings());
        }

        /**
         * Starts the stack, runs {@code work} on it and prints its report, then takes the stack down unless
         * {@code --keep-up}: exit 0 when the work passed, 1 when it found a violation.
         */
        int runOnStack(StackWork work) throws Exception {
            ChaosStack stack = open();
            try {
                System.out.println("starting the stack in " + stack.runDir().root());
                stack.up();
                Report report = work.run(stack);
                System.out.print(report.text());
                return report.passed() ? 0 : 1;
            } finally {
                if (!keepUp) {
                    stack.down();
                }
            }
        }
    }

    /** What a command found: the text it prints and whether every check held. */
    record Report(String text, boolean passed) {
    }

    @FunctionalInterface
    interface StackWork {
        Report run(ChaosStack stack) throws Exception;
    }

    /** What the harness changes about the stack: nothing that bears on the gate's decisions. */
    static Map<Service, Map<String, String>> stackSettings() {
        return Map.of(
                // Checkpoints every 50 records, so even a short run's chain is checked against several.
                Service.MONITOR, Map.of("ALIGNLAB_MONITOR_CHECKPOINTS_EVERY_RECORDS", "50"),
                // One proposal per goal: ideation's own experiments are not what the run measures.
                Service.IDEATION, Map.of("ALIGNLAB_IDEATION_SEARCH_INITIAL_POINTS", "1",
                        "ALIGNLAB_IDEATION_SEARCH_PER_ROUND", "1"),
                // Held-out replications at review's minimum, as before review sized them by power: its statistics
                // are not what the run measures either, and each extra seed is compute the kills compete with.
                Service.REVIEW, Map.of("ALIGNLAB_REVIEW_MAX_HELDOUT_SEEDS", "10"));
    }

    @Command(name = "run", description = "kill -9 and restart components on a seeded schedule while actions flow, "
            + "then check the invariants; exits 1 on any violation")
    static final class Run implements Callable<Integer> {
        @CommandLine.Mixin
        StackOptions stackOptions = new StackOptions();

        @Option(names = "--actions", defaultValue = "1000")
        int actions;

        @Option(names = "--goals", defaultValue = "20")
        int goals;

        @Option(names = "--faults", defaultValue = "30")
        int faults;

        @Option(names = "--run-share", defaultValue = "0.25", description = "share of actions that run in a sandbox")
        double runShare;

        @Option(names = "--held-share", defaultValue = "0.1", description = "share held for the reviewer")
        double heldShare;

        @Option(names = "--garbage", defaultValue = "20",
                description = "random-byte records injected on consumed topics")
        int garbage;

        @Option(names = "--load-seconds", description = "how long sending takes (default: 0.6 s per action)")
        Integer loadSeconds;

        @Option(names = "--settle-seconds", defaultValue = "1200",
                description = "how long the platform has, after the load, to finish what it was sent")
        int settleSeconds;

        @Option(names = "--components", split = ",", description = "what may be killed (default: all)")
        List<Component> components = Arrays.asList(Component.values());

        @Override
        public Integer call() throws Exception {
            ChaosPlan plan = new ChaosPlan(stackOptions.seed, actions, goals, faults, runShare, heldShare, garbage,
                    Duration.ofSeconds(loadSeconds != null ? loadSeconds : Math.max(60, actions * 6L / 10)),
                    Duration.ofSeconds(settleSeconds), components);
            return stackOptions.runOnStack(stack -> {
                ChaosRun.Result result = new ChaosRun(stack, plan, System.out).run();
                return new Report(ChaosReport.text(result), result.passed());
            });
        }
    }

    @Command(name = "fuzz-topics", description = "hostile records on every consumed topic; a canary after each burst")
    static final class FuzzTopics implements Callable<Integer> {
        @CommandLine.Mixin
        StackOptions stackOptions = new StackOptions();

        @Option(names = "--canary-seconds", defaultValue = "30", description = "how soon a canary must be decided")
        int canarySeconds;

        @Override
        public Integer call() throws Exception {
            return stackOptions.runOnStack(stack -> {
                TopicFuzzer.Result result = new TopicFuzzer(stack, stackOptions.seed, Duration.ofSeconds(canarySeconds),
                        System.out).run();
                return new Report(result.describe(), result.passed());
            });
        }
    }

    @Command(name = "fuzz-rest", description = "requests generated from every service's OpenAPI document")
    static final class FuzzRest implements Callable<Integer> {
        @CommandLine.Mixin
        StackOptions stackOptions = new StackOptions();

        @Option(names = "--mutations", defaultValue = "40", description = "mutated requests per operation and role")
        int mutations;

        @Override
        public Integer call() throws Exception {
            return stackOptions.runOnStack(stack -> {
                RestFuzzer.Result result = new RestFuzzer(stack, stackOptions.seed, mutations, System.out).run();
                return new Report(result.describe(), result.passed());
            });
        }
    }
}
