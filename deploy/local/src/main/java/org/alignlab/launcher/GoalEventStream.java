package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.alignlab.contracts.json.Json;

/**
 * Reads server-sent events: {@code data:} lines up to a blank line make one event, whose JSON is handed on; the
 * stream ends when the consumer says so (the goal ended) or the server closes it. {@code id:}, {@code event:} and
 * comment lines are not needed, because every event's JSON carries its sequence and type.
 */
final class GoalEventStream {

    private GoalEventStream() {
    }

    /**
     * Follows a goal's progress stream ({@code GET /api/goals/{id}/events}) live, handing each event on, until its
     * {@code goal-ended} event or the server closing the stream.
     *
     * @return true when {@code goal-ended} arrived
     * @throws TimeoutException when neither happened within {@code timeout}
     */
    static boolean follow(HttpClient http, URI events, String token, Duration timeout, Consumer<JsonNode> onEvent)
            throws IOException, InterruptedException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                throw new LauncherException("GET " + events + " answered " + response.statusCode());
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return read(lines.iterator(), event -> {
                        onEvent.accept(event);
                        return "goal-ended".equals(event.path("type").asText());
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LauncherException("the goal's progress stream failed: " + e.getCause().getMessage());
        }
    }

    /** @return true when {@code untilDone} accepted an event, false when the stream closed first */
    static boolean read(Iterator<String> lines, Predicate<JsonNode> untilDone) throws IOException {
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty() && untilDone.test(Json.mapper().readTree(data.toString()))) {
                    return true;
                }
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
        return false;
    }
}
