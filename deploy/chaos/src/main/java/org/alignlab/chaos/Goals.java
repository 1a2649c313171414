package org.alignlab.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.alignlab.contracts.json.Json;

/**
 * Goals created through the orchestrator's API as a researcher. Each asks for one experiment of its own family (so
 * ideation proposes once per goal) and ends on its own clock: its wall budget and round timeout are the run's
 * expected length, so a goal reaches a terminal status even when no review ever settles its round.
 */
final class Goals {

    private Goals() {
    }

    /** {@code count} goals, goal {@code i} created with {@code researcherToken.apply(i)}. */
    static List<UUID> create(URI orchestrator, IntFunction<String> researcherToken, int count, Duration lifetime)
            throws IOException, InterruptedException {
        List<UUID> goals = new ArrayList<>();
        long seconds = Math.max(60, lifetime.toSeconds());
        for (int i = 0; i < count; i++) {
            String body = """
                    {"question": "Chaos goal %d: does the gate hold while its components are killed?",
                     "family": "reward-overoptimization",
                     "budget": {"experiments": 1, "computeSeconds": 36000, "rounds": 1, "wallSeconds": %d},
                     "roundTimeoutSeconds": %d}
                    """.formatted(i + 1, seconds, seconds);
            goals.add(createOne(orchestrator, researcherToken.apply(i), body));
        }
        return goals;
    }

    /** Retries while the orchestrator is away: the run creates its goals before any fault, but a slow start is not one. */
    private static UUID createOne(URI orchestrator, String token, String body)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                HttpResponse<String> response = Http.postJson(orchestrator.resolve("/api/goals"), token, body);
                if (response.statusCode() == 201) {
                    return UUID.fromString(Json.parse(response.body()).path("id").asText());
                }
                last = new IOException("POST /api/goals answered " + response.statusCode() + ": " + response.body());
                if (response.statusCode() < 500) {
                    throw last;
                }
            } catch (java.net.ConnectException e) {
                last = e;
            }
            Thread.sleep(2000);
        }
        throw last;
    }
}
