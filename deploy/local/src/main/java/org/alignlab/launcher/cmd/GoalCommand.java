package org.alignlab.launcher.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.security.Roles;
import org.alignlab.launcher.GoalClient;
import org.alignlab.launcher.ReportSummary;
import org.alignlab.launcher.Service;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A researcher's goals on the local stack, as the researcher: submit one, watch it, fetch its report, list and cancel
 * them. Each subcommand is one call (or the progress stream) of the orchestrator's public API with a researcher's
 * token minted from the run directory, so it shows exactly what that API gives a researcher.
 */
@Command(name = "goal", mixinStandardHelpOptions = true, description = "Submit, follow, read, list and cancel goals.",
        subcommands = {GoalCommand.Submit.class, GoalCommand.Watch.class, GoalCommand.Report.class,
                GoalCommand.ListGoals.class, GoalCommand.Cancel.class})
public class GoalCommand {

    private GoalCommand() {
    }

    /** What every subcommand has: the run directory of the stack it talks to, and picocli's view of itself. */
    abstract static class ResearcherCall implements Callable<Integer> {

        @Mixin
        RunDirOption runDir;

        @Spec
        CommandSpec spec;

        /** Where a subcommand prints: picocli's writer, so a caller (a test) can take it; flushed at every line. */
        PrintWriter out() {
            return new PrintWriter(spec.commandLine().getOut(), true);
        }

        /** The running stack's orchestrator, as a researcher. */
        GoalClient researcher() throws IOException {
            StackOptions options = runDir.options();
            Stack stack = Stack.running(options);
            return new GoalClient(stack.url(Service.ORCHESTRATOR), stack.tokens().forPerson(Roles.RESEARCHER));
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Submits a goal from a JSON file (as POST /api/goals takes it) or from flags; prints its id.")
    static class Submit extends ResearcherCall {

        @ArgGroup(multiplicity = "1")
        Source source;

        static class Source {
            @Parameters(paramLabel = "FILE", description = "The goal as JSON.")
            Path file;

            @ArgGroup(exclusive = false)
            Flags flags;
        }

        static class Flags {
            @Option(names = "--question", required = true, description = "What the goal asks.")
            String question;

            @Option(names = "--family", required = true, description = "The experiment family.")
            String family;

            @Option(names = "--factor", paramLabel = "PARAM",
                    description = "A parameter the question asks about (repeatable).")
            List<String> factors;

            @Option(names = "--experiments", description = "Experiment budget.")
            Integer experiments;

            @Option(names = "--rounds", description = "Round budget.")
            Integer rounds;
        }

        @Override
        public Integer call() throws Exception {
            byte[] body = source.file != null ? Files.readAllBytes(source.file)
                    : Json.write(body(source.flags)).getBytes(StandardCharsets.UTF_8);
            JsonNode goal = researcher().create(body);
            out().println(goal.path("id").asText());
            return 0;
        }

        private static Map<String, Object> body(Flags flags) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("question", flags.question);
            body.put("family", flags.family);
            if (flags.factors != null) {
                body.put("factors", flags.factors);
            }
            Map<String, Object> budget = new LinkedHashMap<>();
            if (flags.experiments != null) {
                budget.put("experiments", flags.experiments);
            }
            if (flags.rounds != null) {
                budget.put("rounds", flags.rounds);
            }
            if (!budget.isEmpty()) {
                body.put("budget", budget);
            }
            return body;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Follows a goal's progress until it ends; exits 0 when it COMPLETED.")
    static class Watch extends ResearcherCall {

        @Parameters(paramLabel = "ID")
        String goalId;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
                description = "How long to follow (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            String status = researcher().follow(goalId, Duration.ofSeconds(timeoutSeconds), out);
            out.println("goal " + goalId + ": " + status);
            return "COMPLETED".equals(status) ? 0 : 1;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Prints a goal's answer and claims, or writes its report in full.")
    static class Report extends ResearcherCall {

        @Parameters(paramLabel = "ID")
        String goalId;

        @Option(names = "--format", description = "json, md or html; without it, a summary for the terminal.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of printing it.")
        Path out;

        @Override
        public Integer call() throws Exception {
            GoalClient goals = researcher();
            PrintWriter printed = out();
            if (format == null && out == null) {
                printed.print(ReportSummary.of(goals.report(goalId)));
                return 0;
            }
            String text = goals.report(goalId, format == null ? "json" : format.toLowerCase(Locale.ROOT));
            if (out == null) {
                printed.println(text);
            } else {
                Files.writeString(out, text);
                printed.println(out.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your newest goals.")
    static class ListGoals extends ResearcherCall {

        @Option(names = "--status", description = "Only goals of this status (RUNNING, COMPLETED, ...).")
        String status;

        @Override
        public Integer call() throws Exception {
            JsonNode goals = researcher().list(status == null ? null : status.toUpperCase(Locale.ROOT));
            PrintWriter out = out();
            out.printf(Locale.ROOT, "%-36s %-10s %-5s %-24s %s%n", "ID", "STATUS", "ROUND", "FAMILY", "QUESTION");
            for (JsonNode goal : goals) {
                String question = goal.path("question").asText().replaceAll("\\s+", " ");
                out.printf(Locale.ROOT, "%-36s %-10s %-5s %-24s %s%n", goal.path("id").asText(),
                        goal.path("status").asText(), goal.path("round").asText(), goal.path("family").asText(),
                        question.length() > 60 ? question.substring(0, 59) + "…" : question);
            }
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels one of your running goals.")
    static class Cancel extends ResearcherCall {

        @Parameters(paramLabel = "ID")
        String goalId;

        @Override
        public Integer call() throws Exception {
            JsonNode goal = researcher().cancel(goalId);
            out().println("goal " + goalId + ": " + goal.path("status").asText());
            return 0;
        }
    }
}
