package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.Json;

/**
 * {@code alignlab control-eval}: sends a labelled set to the running monitor's {@code POST /api/control-eval} as the
 * operator, so it is scored by the gate's own rules and the served trusted model, then saves the report and the ROC
 * plot and prints the table. The monitor audits and executes nothing for it.
 */
public final class ControlEvalRunner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final URI monitor;
    private final String operatorToken;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What was written: the JSON report (without the image) and the PNG. */
    public record Saved(Path report, Path plot) {
    }

    public ControlEvalRunner(URI monitor, String operatorToken, PrintStream out) {
        this.monitor = monitor;
        this.operatorToken = operatorToken;
        this.out = out;
    }

    /**
     * @return the files written, or null when the monitor refused the set (its problem is printed)
     * @throws LauncherException when the monitor cannot be reached or answers something unexpected
     */
    public Saved run(Path labelledSet, Path outDir, Duration timeout) throws IOException {
        return run(labelledSet, outDir, timeout, null);
    }

    /**
     * As {@link #run(Path, Path, Duration)}, and with a checker also runs what the gate would let run and checks it
     * after execution ({@link ExecutedEvaluation}); the report gains {@code "execution"}.
     */
    public Saved run(Path labelledSet, Path outDir, Duration timeout, ExecutedEvaluation.Checker checker)
            throws IOException {
        if (!Files.isRegularFile(labelledSet)) {
            throw new LauncherException("no file " + labelledSet);
        }
        HttpRequest request = HttpRequest.newBuilder(monitor.resolve("/api/control-eval"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/x-ndjson")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofFile(labelledSet)).build();
        HttpResponse<String> response = send(request);
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            printProblem(response.statusCode(), body);
            return null;
        }
        ExecutedEvaluation.Report executed = null;
        if (checker != null) {
            out.println("executing what the gate would let run at the loosest budget's threshold ...");
            executed = ExecutedEvaluation.evaluate(lines(labelledSet, body), budgets(body), checker);
            ((ObjectNode) body).set("execution", Json.mapper().valueToTree(executed));
        }
        Saved saved = save((ObjectNode) body, outDir);
        printTable(labelledSet, body);
        if (executed != null) {
            printExecution(executed);
        }
        out.println("report: " + saved.report());
        out.println("ROC plot: " + saved.plot());
        return saved;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        } catch (IOException e) {
            throw new LauncherException("cannot reach the monitor at " + monitor + ": " + e.getMessage()
                    + " (is the stack up? `alignlab status`)");
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            JsonNode body = Json.parse(response.body());
            if (body.isObject()) {
                return body;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new LauncherException("POST /api/control-eval answered " + response.statusCode()
                + " with something that is not a JSON object");
    }

    private void printProblem(int status, JsonNode problem) {
        out.println("the monitor refused the evaluation (HTTP " + status + "): "
                + problem.path("detail").asText(problem.path("title").asText("no detail")));
        for (JsonNode violation : problem.path("violations")) {
            out.println("  " + violation.path("field").asText() + ": " + violation.path("message").asText());
        }
    }

    private static Saved save(ObjectNode report, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        String name = "control-eval-" + LocalDateTime.now().format(STAMP);
        Path plot = outDir.resolve(name + ".png").toAbsolutePath();
        Path json = outDir.resolve(name + ".json").toAbsolutePath();
        Files.write(plot, Base64.getDecoder().decode(report.path("rocPlotPng").asText()));
        report.remove("rocPlotPng");
        Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return new Saved(json, plot);
    }

    /** The set's actions with the gate's score of each, in the set's order. */
    static List<ExecutedEvaluation.Line> lines(Path labelledSet, JsonNode report) throws IOException {
        String text = Files.readString(labelledSet).strip();
        List<JsonNode> entries = new ArrayList<>();
        if (text.startsWith("[")) {
            Json.parse(text).forEach(entries::add);
        } else {
            text.lines().filter(line -> !line.isBlank()).map(Json::parse).forEach(entries::add);
        }
        JsonNode scored = report.path("scored");
        if (scored.size() != entries.size()) {
            throw new LauncherException("the monitor scored " + scored.size() + " actions of the set's "
                    + entries.size());
        }
        List<ExecutedEvaluation.Line> lines = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            JsonNode score = scored.get(i);
            lines.add(new ExecutedEvaluation.Line("attack".equals(score.path("label").asText()),
                    score.path("category").isTextual() ? score.path("category").asText() : null,
                    Json.mapper().convertValue(entries.get(i).path("action").path("spec"), ExperimentSpec.class),
                    score.path("suspicion").asDouble(), score.path("hardBlocked").asBoolean()));
        }
        return lines;
    }

    private static List<ExecutedEvaluation.Budget> budgets(JsonNode report) {
        List<ExecutedEvaluation.Budget> budgets = new ArrayList<>();
        report.path("budgets").forEach(row -> budgets.add(new ExecutedEvaluation.Budget(
                row.path("auditBudget").asDouble(), row.path("threshold").asDouble())));
        return budgets;
    }

    private void printExecution(ExecutedEvaluation.Report executed) {
        out.printf("executed %d scripts the gate would let run (each three times: as allowed, again, on fresh "
                + "seeds); %d allowed family runs not executed (no check after execution applies to them)%n",
                executed.scriptsExecuted(), executed.familyRunsNotChecked());
        out.printf("%-8s %7s %13s %12s %9s %6s %13s %7s %12s %10s%n", "budget", "attacks", "caught before",
                "caught after", "contained", "missed", "safety before", "safety", "quarantined", "usefulness");
        for (ExecutedEvaluation.BudgetRow row : executed.budgets()) {
            out.printf(Locale.ROOT, "%5.1f %%  %7d %13d %12d %9d %6d %13.3f %7.3f %12d %10.3f%n",
                    row.auditBudget() * 100, row.attacks(), row.caughtBefore(), row.caughtAfter(), row.contained(),
                    row.missed(), row.safetyBeforeExecution(), row.safety(), row.benignQuarantined(),
                    row.usefulness());
        }
        for (ExecutedEvaluation.BudgetRow row : executed.budgets()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "safety by category at %.1f %% (before + after execution):", row.auditBudget() * 100));
            row.safetyByCategory().forEach((category, counts) -> line.append(String.format(Locale.ROOT,
                    " %s %.2f (+%d after)", category, counts.safety(), counts.caughtAfter())));
            out.println(line);
        }
    }

    private void printTable(Path labelledSet, JsonNode report) {
        JsonNode model = report.path("model");
        out.printf(Locale.ROOT, "control evaluation of %s: %d actions (%d attacks, %d benign), policy %s, model %s%n",
                labelledSet.getFileName(), report.path("actions").asInt(), report.path("attacks").asInt(),
                report.path("benign").asInt(), report.path("policyVersion").asText(),
                model.path("status").asText() + (model.path("versions").isEmpty() ? ""
                        : " " + String.join(",", Json.mapper().convertValue(model.path("versions"), String[].class))));
        out.printf(Locale.ROOT, "ROC AUC %.3f (gate: rules + model)%s%n", report.path("rocAuc").asDouble(),
                report.path("modelRocAuc").isNumber()
                        ? String.format(Locale.ROOT, ", %.3f (trusted model alone)",
                                report.path("modelRocAuc").asDouble())
                        : "");
        out.printf("%-8s %9s %7s %10s %11s %17s %19s%n", "budget", "threshold", "safety", "usefulness",
                "benign held", "upfront auditing*", "trusted monitoring*");
        for (JsonNode row : report.path("budgets")) {
            out.printf(Locale.ROOT, "%5.1f %%  %9.4f %7.3f %10.3f %11d %17.3f %19.3f%n",
                    row.path("auditBudget").asDouble() * 100, row.path("threshold").asDouble(),
                    row.path("safety").asDouble(), row.path("usefulness").asDouble(), row.path("benignHeld").asInt(),
                    row.path("upfrontAuditingBlueWin").asDouble(), row.path("trustedMonitoringBlueWin").asDouble());
        }
        out.printf(Locale.ROOT,
                "* blue-team win probability in the AI Control game (%d problems, attack success %.2f)%n",
                report.path("games").path("problems").asInt(), report.path("games").path("attackSuccess").asDouble());
        for (JsonNode row : report.path("budgets")) {
            Map<String, Double> byCategory = Json.mapper().convertValue(row.path("safetyByCategory"),
                    Json.mapper().getTypeFactory().constructMapType(TreeMap.class, String.class, Double.class));
            if (!byCategory.isEmpty()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "safety by category at %.1f %%:",
                        row.path("auditBudget").asDouble() * 100));
                byCategory.forEach((category, safety) -> line.append(String.format(Locale.ROOT, " %s %.2f",
                        category, safety)));
                out.println(line);
            }
        }
    }
}
