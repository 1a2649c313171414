package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.orchestrator.GoalApi.SseEvent;
import org.alignlab.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A goal's progress stream, live and replayed. The test plays the services around the orchestrator on the real
 * topics ({@link GoalApi}) and shares one application start with the other {@code @QuarkusTest} classes of this
 * module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalProgressTest {

    private final GoalApi api = GoalApi.newResearcher();

    @Test
    void progressEventsArriveInOrderAndEndWithTheFinalStatusForLiveAndLateSubscribers() throws Exception {
        UUID goal = api.createGoal("{\"rounds\": 1}", null);
        CompletableFuture<List<SseEvent>> live = CompletableFuture.supplyAsync(() -> api.readEvents(goal, null));
        UUID action = UUID.randomUUID();
        api.runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);

        List<SseEvent> events = live.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
        }
        List<String> names = events.stream().map(SseEvent::name).toList();
        assertThat(names.subList(0, 2)).containsExactly("goal-created", "round-started");
        assertThat(names).contains("action-proposed", "verdict", "result", "review", "round-closed");
        assertThat(names.get(names.size() - 1)).isEqualTo("goal-ended");
        assertThat(names.indexOf("round-closed")).isEqualTo(names.size() - 2);
        assertThat(events.get(events.size() - 1).data()).contains("\"status\":\"COMPLETED\"")
                .contains("\"goalId\":\"" + goal + "\"");

        // A subscriber who comes after the end gets the same events, then the stream ends.
        assertThat(api.readEvents(goal, null)).isEqualTo(events);
        assertThat(api.readEvents(goal, "3")).isEqualTo(events.subList(3, events.size()));
        assertProblem(api.researcher().get("/api/goals/{id}/events", UUID.randomUUID()).then(), 404);
    }
}
