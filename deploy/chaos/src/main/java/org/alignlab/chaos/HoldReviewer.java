package org.alignlab.chaos;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The human in the loop: every few seconds decides the monitor's open holds through its reviewer API. A benign
 * action held because the trusted model was away, or any action the run did not send, is approved; one that
 * addressed the reviewer is approved or denied by a coin drawn from the run's seed and the action's id.
 */
final class HoldReviewer implements Runnable {

    private final ChaosStack stack;
    private final URI monitor;
    private final String reviewerToken;
    private final long seed;
    private final Map<UUID, ActionKind> kinds;
    private final Map<UUID, String> decided = new ConcurrentHashMap<>();
    private final AtomicInteger approved = new AtomicInteger();
    private final AtomicInteger denied = new AtomicInteger();
    private volatile boolean stop;

    HoldReviewer(ChaosStack stack, URI monitor, String reviewerToken, long seed, Map<UUID, ActionKind> kinds) {
        this.stack = stack;
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
        List<UUID> open = new ArrayList<>();
        try (Connection db = stack.connect();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select action_id from monitor.held_actions where status = 'HELD'")) {
            while (rs.next()) {
                open.add((UUID) rs.getObject(1));
            }
        }
        int left = 0;
        for (UUID action : open) {
            String decision = approve(action) ? "APPROVE" : "DENY";
            HttpResponse<String> response = Http.postJson(monitor.resolve("/api/held-actions/" + action + "/decision"),
                    reviewerToken, "{\"decision\": \"" + decision + "\", \"reason\": \"chaos run reviewer\"}");
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
