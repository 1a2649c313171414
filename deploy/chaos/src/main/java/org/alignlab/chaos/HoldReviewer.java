package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.alignlab.contracts.json.Json;

/**
 * The human in the loop: every few seconds decides the monitor's open holds through its reviewer API. A benign
 * action held because the trusted model was away, or any action the run did not send, is approved; one that
 * addressed the reviewer is approved or denied by a coin drawn from the run's seed and the action's id. Like a
 * person, it reads the queue first and approves the content hash the queue showed.
 */
final class HoldReviewer implements Runnable {

    /** The most holds the monitor lists at once. */
    private static final int QUEUE_LIMIT = 1000;

    private final URI monitor;
    private final String reviewerToken;
    private final long seed;
    private final Map<UUID, ActionKind> kinds;
    private final Map<UUID, String> decided = new ConcurrentHashMap<>();
    private final AtomicInteger approved = new AtomicInteger();
    private final AtomicInteger denied = new AtomicInteger();
    private volatile boolean stop;

    HoldReviewer(URI monitor, String reviewerToken, long seed, Map<UUID, ActionKind> kinds) {
        this.monitor = monitor;
        this.reviewerToken = reviewerToken;
        this.seed = seed;
        this.kinds = kinds;
    }

    @Override
    public void run() {
        while (!stop) {
            try {
                reviewOnce();
            } catch (Exception e) {
                // The database or the monitor is down: exactly what the run causes. The next round tries again.
            }
            Pause.sleep(java.time.Duration.ofSeconds(2));
        }
    }

    /** Decides every hold open now; returns how many are still open afterwards (failed calls). */
    int reviewOnce() throws Exception {
        HttpResponse<String> queue = Http.get(monitor.resolve("/api/held-actions?limit=" + QUEUE_LIMIT),
                reviewerToken);
        if (queue.statusCode() != 200) {
            throw new IllegalStateException("the review queue answered HTTP " + queue.statusCode());
        }
        int left = 0;
        for (JsonNode hold : Json.parse(queue.body())) {
            UUID action = UUID.fromString(hold.path("actionId").asText());
            String decision = approve(action) ? "APPROVE" : "DENY";
            String body = Json.write(Map.of("decision", decision, "reason", "chaos run reviewer", "contentHash",
                    hold.path("contentHash").asText()));
            HttpResponse<String> response = Http.postJson(monitor.resolve("/api/held-actions/" + action + "/decision"),
                    reviewerToken, body);
            if (response.statusCode() == 200) {
                decided.put(action, decision);
                (decision.equals("APPROVE") ? approved : denied).incrementAndGet();
            } else if (response.statusCode() != 409) {
                left++;
            }
        }
        return left;
    }

    private boolean approve(UUID action) {
        ActionKind kind = kinds.get(action);
        if (kind != ActionKind.HELD) {
            return true;
        }
        return new java.util.Random(seed ^ action.getLeastSignificantBits()).nextBoolean();
    }

    void stop() {
        stop = true;
    }

    int approved() {
        return approved.get();
    }

    int denied() {
        return denied.get();
    }
}
