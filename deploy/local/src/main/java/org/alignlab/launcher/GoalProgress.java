package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The demo's progress line, built from the orchestrator's progress events: a bar over the experiment budget
 * (results in / experiments allowed; review's replications add results beyond it, so the bar then counts to the
 * results seen), the round, and what just happened. Pure, so its rendering is unit-tested.
 */
final class GoalProgress {

    private static final int BAR_WIDTH = 24;

    private int experiments = 1;
    private int rounds = 1;
    private int round;
    private int proposed;
    private int results;
    private int reviews;
    private String status = "RUNNING";
    private String last = "submitted";

    /** Takes one event's JSON; returns the line to show now. */
    String accept(JsonNode event) {
        String type = event.path("type").asText();
        round = event.path("round").asInt(round);
        status = event.path("status").asText(status);
        switch (type) {
            case "goal-created" -> {
                experiments = Math.max(1, event.path("budget").path("experiments").asInt(experiments));
                rounds = Math.max(1, event.path("budget").path("rounds").asInt(rounds));
                last = "goal created";
            }
            case "round-started" -> last = "round " + round + " started";
            case "action-proposed" -> {
                proposed++;
                last = "proposed by " + event.path("agent").asText("?").toLowerCase(Locale.ROOT) + " ("
                        + event.path("policy").asText("?") + ")";
            }
            case "verdict" -> last = "monitor: " + event.path("decision").asText("?");
            case "result" -> {
                results++;
                last = "result: " + event.path("resultStatus").asText("?");
            }
            case "review" -> {
                reviews++;
                last = "review: " + event.path("verdict").asText("?");
            }
            case "round-closed" -> last = "round " + round + " closed";
            case "goal-ended" -> last = "ended: " + event.path("reason").asText(status);
            default -> last = type;
        }
        return line();
    }

    String line() {
        int total = Math.max(experiments, results);
        int filled = results * BAR_WIDTH / total;
        return String.format(Locale.ROOT, "[%s%s] %d/%d results · round %d/%d · %d proposed · %d reviews · %s · %s",
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), results, total, round, rounds, proposed,
                reviews, status, last);
    }
}
