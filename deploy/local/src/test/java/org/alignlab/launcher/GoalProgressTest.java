package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

class GoalProgressTest {

    private static final List<String> STREAM = List.of(
            ": connected",
            "id: 1",
            "event: goal-created",
            "data: {\"seq\":1,\"type\":\"goal-created\",\"round\":0,\"status\":\"RUNNING\",",
            "data: \"budget\":{\"experiments\":4,\"rounds\":2}}",
            "",
            "id: 2",
            "event: result",
            "data: {\"seq\":2,\"type\":\"result\",\"round\":1,\"status\":\"RUNNING\",\"resultStatus\":\"SUCCEEDED\"}",
            "",
            "id: 3",
            "event: goal-ended",
            "data: {\"seq\":3,\"type\":\"goal-ended\",\"round\":2,\"status\":\"COMPLETED\",",
            "data: \"reason\":\"budget.rounds\"}",
            "",
            "id: 4",
            "data: {\"seq\":4,\"type\":\"never-read\"}",
            "");

    @Test
    void readsEventsSplitOverDataLinesAndStopsAtTheGoalsEnd() throws IOException {
        List<JsonNode> seen = new ArrayList<>();

        boolean ended = GoalEventStream.read(STREAM.iterator(), event -> {
            seen.add(event);
            return "goal-ended".equals(event.path("type").asText());
        });

        assertThat(ended).isTrue();
        assertThat(seen).extracting(event -> event.path("seq").asInt()).containsExactly(1, 2, 3);
        assertThat(seen.get(0).path("budget").path("experiments").asInt()).isEqualTo(4);
    }

    @Test
    void aStreamThatClosesBeforeTheEndSaysSo() throws IOException {
        assertThat(GoalEventStream.read(STREAM.subList(0, 6).iterator(), event -> false)).isFalse();
    }

    @Test
    void theBarFillsWithResultsAgainstTheExperimentBudget() throws IOException {
        GoalProgress progress = new GoalProgress();
        List<String> lines = new ArrayList<>();

        GoalEventStream.read(STREAM.iterator(), event -> {
            lines.add(progress.accept(event));
            return "goal-ended".equals(event.path("type").asText());
        });

        assertThat(lines.get(0)).startsWith("[" + ".".repeat(24) + "] 0/4 results · round 0/2");
        assertThat(lines.get(1)).startsWith("[" + "#".repeat(6) + ".".repeat(18) + "] 1/4 results · round 1/2")
                .endsWith("result: SUCCEEDED");
        assertThat(lines.get(2)).contains("COMPLETED", "ended: budget.rounds");
    }

    /** Review's replications bring more results than the goal's experiment budget; the bar then counts to them. */
    @Test
    void resultsBeyondTheBudgetFillTheBarWithoutOverflowing() throws IOException {
        GoalProgress progress = new GoalProgress();
        progress.accept(Json.parse("{\"type\":\"goal-created\",\"round\":0,\"status\":\"RUNNING\","
                + "\"budget\":{\"experiments\":2,\"rounds\":1}}"));
        String line = "";
        for (int i = 0; i < 5; i++) {
            line = progress.accept(Json.parse("{\"type\":\"result\",\"round\":1,\"resultStatus\":\"SUCCEEDED\"}"));
        }

        assertThat(line).startsWith("[" + "#".repeat(24) + "] 5/5 results");
    }
}
