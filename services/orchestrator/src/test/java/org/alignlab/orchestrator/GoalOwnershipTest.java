package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Whose goals a caller reaches: a researcher their own (another's answers exactly as an unknown goal, so its id does
 * not leak), reviewers and operators every researcher's. Shares one application start with the other
 * {@code @QuarkusTest} classes of this module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalOwnershipTest {

    private final GoalApi alice = GoalApi.newResearcher();
    private final GoalApi bob = GoalApi.newResearcher();

    @Test
    void aResearcherSeesOnlyTheirOwnGoals() {
        UUID hers = alice.createGoal(1200);
        UUID his = bob.createGoal(1200);
        alice.researcher().get("/api/goals/{id}", hers).then().statusCode(200)
                .body("owner", equalTo(alice.subject()));

        // The reproduction of issue 13: any researcher could read any goal.
        for (String path : List.of("/api/goals/{id}", "/api/goals/{id}/report", "/api/goals/{id}/report?format=md",
                "/api/goals/{id}/report/plots/pgr-by-configuration.png", "/api/goals/{id}/events")) {
            assertProblem(bob.researcher().get(path, hers).then(), 404)
                    .body("detail", equalTo("goal " + hers + " not found"));
        }
        bob.researcher().get("/api/goals").then().statusCode(200)
                .body("id", hasItem(his.toString()))
                .body("id", not(hasItem(hers.toString())))
                .body("owner", everyItem(equalTo(bob.subject())));
        bob.researcher().queryParam("status", "RUNNING").get("/api/goals").then().statusCode(200)
                .body("id", equalTo(List.of(his.toString())));
    }

    @Test
    void aResearcherCannotCancelAnotherResearchersGoal() {
        UUID hers = alice.createGoal(1200);

        // The reproduction of issue 13: any researcher could cancel any goal.
        assertProblem(bob.researcher().post("/api/goals/{id}/cancel", hers).then(), 404)
                .body("detail", equalTo("goal " + hers + " not found"));
        alice.researcher().get("/api/goals/{id}", hers).then().body("status", equalTo("RUNNING"));

        alice.researcher().post("/api/goals/{id}/cancel", hers).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("endReason", equalTo("cancelled by " + alice.subject()));
        assertProblem(bob.researcher().get("/api/goals/{id}/report", hers).then(), 404);
        alice.researcher().get("/api/goals/{id}/report", hers).then().statusCode(200)
                .body("goal.owner", equalTo(alice.subject()));
    }

    @Test
    void reviewersAndOperatorsSeeEveryResearchersGoals() {
        UUID hers = alice.createGoal(1200);
        UUID his = bob.createGoal(1200);
        for (String role : List.of(Roles.REVIEWER, Roles.OPERATOR)) {
            RequestSpecification caller = as(role);
            caller.get("/api/goals").then().statusCode(200).body("id", hasItems(hers.toString(), his.toString()));
            as(role).get("/api/goals/{id}", hers).then().statusCode(200).body("owner", equalTo(alice.subject()));
            as(role).get("/api/goals/{id}", his).then().statusCode(200).body("owner", equalTo(bob.subject()));
            assertProblem(as(role).get("/api/goals/{id}/report", his).then(), 404)
                    .body("type", endsWith("/report-not-ready"));
        }
    }
}
