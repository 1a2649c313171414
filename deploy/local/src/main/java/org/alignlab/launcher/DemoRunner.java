package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.alignlab.contracts.json.Json;

/**
 * Submits a goal to a running stack, follows it to the end, saves its report and verifies the audit chain —
 * only through the public HTTP APIs, as a researcher and a reviewer would, each with their own bearer token.
 */
public final class DemoRunner {

    private final GoalClient goals;
    private final URI monitor;
    private final String reviewerToken;
    private final PrintStream out;

    public DemoRunner(URI orchestrator, URI monitor, String researcherToken, String reviewerToken, PrintStream out) {
        this.goals = new GoalClient(orchestrator, researcherToken);
        this.monitor = monitor;
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
        JsonNode created = goals.create(Files.readAllBytes(goalFile));
        String goalId = created.path("id").asText();
        out.println("submitted " + goalFile.getFileName() + ": goal " + goalId);

        PrintWriter progress = new PrintWriter(out, true);
        String status = goals.follow(goalId, timeout, progress);
        progress.flush();

        JsonNode report = goals.report(goalId);
        Files.createDirectories(reportsDir);
        Path reportFile = reportsDir.resolve(goalId + ".json").toAbsolutePath();
        Files.writeString(reportFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Path markdown = reportsDir.resolve(goalId + ".md").toAbsolutePath();
        Files.writeString(markdown, goals.report(goalId, "md"));
        out.print(ReportSummary.of(report));

        ApiClient auditor = new ApiClient(monitor, reviewerToken);
        JsonNode audit = auditor.json(HttpRequest.newBuilder(auditor.resolve("/api/audit/verify")).GET(), 200);
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
}
