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
import org.alignlab.contracts.json.Json;

/**
 * Submits a goal to a running stack, follows it to the end, saves its report and verifies the audit chain —
 * only through the public HTTP APIs, as a researcher and a reviewer would, each with their own bearer token.
 */
public final class DemoRunner {

    private static final Duration POLL = Duration.ofSeconds(2);

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

        JsonNode audit = send(HttpRequest.newBuilder(monitor.resolve("/api/audit/verify")).GET(), reviewerToken, 200);
        boolean verified = audit.path("verified").asBoolean(false);

        out.println("goal " + goalId + ": " + status);
        out.println("report: " + reportFile);
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

    /** Polls the goal until it leaves RUNNING or the timeout passes, printing each change. */
    private String follow(String goalId, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            JsonNode goal = send(HttpRequest.newBuilder(orchestrator.resolve("/api/goals/" + goalId)).GET(),
                    researcherToken, 200);
            String status = goal.path("status").asText();
            String progress = status + actions(goal);
            if (!progress.equals(last)) {
                out.println("  " + progress);
                last = progress;
            }
            if (!"RUNNING".equals(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                out.println("  still RUNNING after " + timeout.toSeconds() + " s; giving up waiting");
                return status;
            }
            HealthWaiter.sleep(POLL);
        }
    }

    /** The goal view counts its actions either as a list or as a number. */
    private static String actions(JsonNode goal) {
        JsonNode actions = goal.path("actions");
        if (actions.isArray()) {
            return " (" + actions.size() + " actions)";
        }
        if (actions.isNumber()) {
            return " (" + actions.asInt() + " actions)";
        }
        return "";
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
}
