package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.alignlab.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Reading goals: the problem answers for unknown goals, malformed ids and filters, and unknown paths. The test
 * plays the services around the orchestrator on the real topics ({@link GoalApi}) and shares one application start
 * with the other {@code @QuarkusTest} classes of this module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalReadingTest {

    private final GoalApi api = GoalApi.newResearcher();

    @Test
    void anUnknownGoalIsAProblem404() {
        String id = UUID.randomUUID().toString();
        assertProblem(api.researcher().get("/api/goals/{id}", id).then(), 404)
                .body("detail", equalTo("goal " + id + " not found"));
        assertProblem(api.researcher().get("/api/goals/{id}/report", id).then(), 404)
                .body("detail", equalTo("goal " + id + " not found"));
    }

    @Test
    void aMalformedGoalIdIsAProblem400() {
        assertProblem(api.researcher().get("/api/goals/not-a-uuid").then(), 400).body("violations[0].field",
                equalTo("id"));
        assertProblem(api.researcher().get("/api/goals/1-2-3-4-5/report").then(), 400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void anUnknownStatusFilterIsAProblem400() {
        assertProblem(api.researcher().queryParam("status", "DONE").get("/api/goals").then(), 400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void anUnknownPathIsAProblem404() {
        assertProblem(api.researcher().get("/api/nothing-here").then(), 404);
    }
}
