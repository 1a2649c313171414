package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.alignlab.contracts.json.Json;

/**
 * Submits a goal to a running stack, follows it to the end, saves its report and verifies the audit chain —
 * only through the public HTTP APIs, as a researcher and a reviewer would, each with their own bearer token.
 */
public final class DemoRunner {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI orchestrator;
    private final URI monitor;
    private final String researcherToken;
    private final String reviewerToken;
    private final PrintStream out;

    public DemoRunner(URI orchestrator, URI monitor, String researcherToken, String reviewerToken, PrintStream out) {
        this.orchestrator = orchestrator;
        this.monitor = monitor;
        this.researcherToken = researcherToken;
        this.reviewerToken = reviewerToken;
        this.out = out;
    }

    /** What became of the goal; the demo succeeded only when it completed and the chain verified. */
    public record Outcome(String goalId, String status, Path report, boolean verified) {
        public boolean succeeded() {
            return "COMPLETED".equals(status) && verified;
        }
    }

    public Outcome run(Path goalFile, Path reportsDir, Duration timeout) throws IOException {
        JsonNode created = send(HttpRequest.newBuilder(orchestrator.resolve("/api/goals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(goalFile)), researcherToken, 201);
        String goalId = created.path("id").asText();
        out.println("submitted " + goalFile.getFileName() + ": goal " + goalId);

        String status = follow(goalId, timeout);

        JsonNode report = send(HttpRequest.newBuilder(orchestrator.resolve("/api/goals/" + goalId + "/report")).GET(),
                researcherToken, 200);
        Files.createDirectories(reportsDir);
        Path reportFile = reportsDir.resolve(goalId + ".json").toAbsolutePath();
        Files.writeString(reportFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Path markdown = reportsDir.resolve(goalId + ".md").toAbsolutePath();
        Files.writeString(markdown, text(HttpRequest.newBuilder(
                orchestrator.resolve("/api/goals/" + goalId + "/report?format=md")).GET()));
        printAnswer(report);
        printClaims(report);

        JsonNode audit = send(HttpRequest.newBuilder(monitor.resolve("/api/audit/verify")).GET(), reviewerToken, 200);
        boolean verified = audit.path("verified").asBoolean(false);

        out.println("goal " + goalId + ": " + status);
        out.println("report: " + reportFile + " (Markdown: " + markdown + ")");
        JsonNode chain = audit.path("chain");
        if (verified) {
            out.println("audit chain verified (" + chain.path("records").asLong() + " records, "
                    + audit.path("checkpointsChecked").asLong() + " signed checkpoints)");
        } else if (!chain.path("firstBroken").isMissingNode() && !chain.path("firstBroken").isNull()) {
            JsonNode broken = chain.path("firstBroken");
            out.println("audit chain BROKEN at seq " + broken.path("seq").asText("?") + ": "
                    + broken.path("reason").asText("no reason given"));
        } else {
            JsonNode problem = audit.path("checkpointProblems").path(0);
            out.println("audit chain disagrees with checkpoint at seq " + problem.path("seq").asText("?") + ": "
                    + problem.path("reason").asText("no reason given"));
        }
        return new Outcome(goalId, status, reportFile, verified);
    }

    /**
     * Follows the goal's progress stream until its {@code goal-ended} event or the timeout, showing a progress line
     * (redrawn in place on a terminal, one line per event otherwise); then asks for the goal's status.
     */
    private String follow(String goalId, Duration timeout) throws IOException {
        GoalProgress progress = new GoalProgress();
        boolean terminal = System.console() != null;
        try {
            GoalEventStream.follow(http, orchestrator.resolve("/api/goals/" + goalId + "/events"), researcherToken,
                    timeout, event -> {
                        String line = progress.accept(event);
                        out.print(terminal ? "\r  " + line : "  " + line + "\n");
                    });
        } catch (TimeoutException e) {
            out.println();
            out.println("  the goal had not ended after " + timeout.toSeconds() + " s; giving up waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
        if (terminal) {
            out.println();
        }
        return send(HttpRequest.newBuilder(orchestrator.resolve("/api/goals/" + goalId)).GET(), researcherToken, 200)
                .path("status").asText();
    }

    /** The report's answer, one line per factor the goal asks about; nothing when it names none. */
    private void printAnswer(JsonNode report) {
        JsonNode answer = report.path("answer");
        if (!answer.isArray() || answer.isEmpty()) {
            return;
        }
        out.println("Answer:");
        for (JsonNode factor : answer) {
            out.printf(Locale.ROOT, "  %s%s: %s, effect %s %s (%s)%n", factor.path("factor").asText(),
                    factor.path("named").asBoolean() ? "" : " (inferred from the question)",
                    factor.path("conclusion").asText(), number(factor.path("effect")),
                    interval(factor.path("interval")), factor.path("evidence").asText());
        }
        out.println();
    }

    private static String interval(JsonNode bounds) {
        return bounds.isArray() && bounds.size() == 2 ? "[" + number(bounds.get(0)) + ", " + number(bounds.get(1))
                + "]" : "";
    }

    /** One row per ranked claim: what review concluded, how strongly, and what the claim changed. */
    private void printClaims(JsonNode report) {
        JsonNode claims = report.path("claims");
        if (!claims.isArray() || claims.isEmpty()) {
            out.println("no reviewed claims");
            return;
        }
        out.printf(Locale.ROOT, "%-4s %-5s %-12s %-6s %-8s %-9s %s%n", "RANK", "ROUND", "VERDICT", "SCORE", "EFFECT",
                "ADJ. P", "CHANGE FROM THE BASELINE");
        for (JsonNode claim : claims) {
            // No change: a run reviewed on its own, or a claim whose baseline the report lacks.
            String change = claim.path("change").asText("-");
            out.printf(Locale.ROOT, "%-4d %-5s %-12s %-6.2f %-8s %-9s %s%n", claim.path("rank").asInt(),
                    claim.path("round").asText("?"), claim.path("verdict").asText(), claim.path("score").asDouble(),
                    number(claim.path("effect")), number(claim.path("adjustedP")),
                    change.length() > 80 ? change.substring(0, 79) + "…" : change);
        }
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
    }

    private JsonNode send(HttpRequest.Builder request, String token, int expectedStatus) throws IOException {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new LauncherException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private String text(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.header("Authorization", "Bearer " + researcherToken)
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LauncherException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
