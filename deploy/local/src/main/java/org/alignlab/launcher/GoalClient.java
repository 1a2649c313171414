package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.alignlab.contracts.json.Json;

/**
 * A researcher's goals through the orchestrator's public API, with one bearer token: what the demo and the
 * {@code goal} commands do, and nothing a researcher could not do with curl.
 */
public final class GoalClient {

    private final ApiClient api;

    public GoalClient(URI orchestrator, String token) {
        this.api = new ApiClient(orchestrator, token);
    }

    /** Creates a goal from its JSON body (as {@code POST /api/goals} takes it). */
    public JsonNode create(byte[] body) throws IOException {
        return api.json(HttpRequest.newBuilder(api.resolve("/api/goals"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), 201);
    }

    public JsonNode get(String goalId) throws IOException {
        return api.json(HttpRequest.newBuilder(goal(goalId, "")).GET(), 200);
    }

    /** The newest goals the caller may see, of one status or all ({@code status} null). */
    public JsonNode list(String status) throws IOException {
        String query = status == null ? "" : "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8);
        return api.json(HttpRequest.newBuilder(api.resolve("/api/goals" + query)).GET(), 200);
    }

    public JsonNode cancel(String goalId) throws IOException {
        return api.json(HttpRequest.newBuilder(goal(goalId, "/cancel")).POST(HttpRequest.BodyPublishers.noBody()),
                200);
    }

    /** The report as the orchestrator renders it: {@code json}, {@code md} or {@code html}. */
    public String report(String goalId, String format) throws IOException {
        String query = "json".equals(format) ? "" : "?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8);
        return api.text(HttpRequest.newBuilder(goal(goalId, "/report" + query)).GET(), 200);
    }

    public JsonNode report(String goalId) throws IOException {
        return Json.mapper().readTree(report(goalId, "json"));
    }

    /**
     * Follows the goal's progress stream until its {@code goal-ended} event or the timeout, showing a progress line
     * (redrawn in place on a terminal, one line per event otherwise).
     *
     * @return the goal's status afterwards
     */
    public String follow(String goalId, Duration timeout, PrintWriter out) throws IOException {
        GoalProgress progress = new GoalProgress();
        boolean terminal = System.console() != null;
        try {
            GoalEventStream.follow(api.http(), goal(goalId, "/events"), api.token(), timeout, event -> {
                String line = progress.accept(event);
                out.print(terminal ? "\r  " + line : "  " + line + "\n");
                out.flush();
            });
            if (terminal) {
                out.println();
            }
        } catch (TimeoutException e) {
            out.println();
            out.println("  the goal had not ended after " + timeout.toSeconds() + " s; giving up waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
        return get(goalId).path("status").asText();
    }

    private URI goal(String goalId, String rest) {
        return api.resolve("/api/goals/" + URLEncoder.encode(goalId, StandardCharsets.UTF_8) + rest);
    }
}
