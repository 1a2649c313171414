package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.junit.jupiter.api.Test;

/**
 * Creating goals: the first round's request, budget defaults, every way a request body is refused, and what one
 * researcher may take (budget ceilings, running goals). The test plays the services around the orchestrator on the
 * real topics ({@link GoalApi}) and shares one application start with the other {@code @QuarkusTest} classes of
 * this module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalCreationTest {

    @Inject
    OrchestratorConfig config;

    private final GoalApi api = GoalApi.newResearcher();

    @Test
    void aNewGoalRequestsItsFirstRoundInsideTheRequestsTrace() {
        String traceId = randomHex(16);
        String id = api.researcher().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body("""
                        {"question": "%s", "family": "weak-to-strong", "factors": ["auxLossAlpha"],
                         "budget": {"experiments": 3}}
                        """.formatted(QUESTION))
                .post("/api/goals")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("RUNNING"))
                .body("round", equalTo(1))
                .body("question", equalTo(QUESTION))
                .body("family", equalTo("weak-to-strong"))
                .body("factors", equalTo(List.of("auxLossAlpha")))
                .body("budget.experiments", equalTo(3))
                .body("budget.computeSeconds", equalTo(900))
                .body("budget.rounds", equalTo(1))
                .body("budget.wallSeconds", equalTo(1200))
                .body("createdAt", notNullValue())
                .body("completedAt", nullValue())
                .body("actions", equalTo(0))
                .extract().path("id");

        ConsumerRecord<String, String> record = KAFKA.await(Topics.RESEARCH_ROUNDS, 1,
                r -> id.equals(r.key()), EVENTUALLY).get(0);
        RoundRequested round = EventCodec.decode(record.value(), RoundRequested.class);
        assertThat(round.goalId()).isEqualTo(UUID.fromString(id));
        assertThat(round.round()).isEqualTo(1);
        assertThat(round.family()).isEqualTo("weak-to-strong");
        assertThat(round.question()).isEqualTo(QUESTION);
        assertThat(round.factors()).containsExactly("auxLossAlpha");
        assertThat(round.budgetLeft()).isEqualTo(new Budget(3, 900, 1, 1200));
        assertThat(round.findings()).isEmpty();
        // The producer span is a child of the HTTP request's span: one trace from the researcher to ideation.
        assertThat(KafkaProbe.header(record, "traceparent")).contains(traceId);

        api.researcher().get("/api/goals/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("RUNNING"));
        api.researcher().queryParam("status", "RUNNING").get("/api/goals").then().statusCode(200)
                .body("id", hasItem(id))
                .body("status", everyItem(equalTo("RUNNING")));
    }

    @Test
    void aCreatedGoalHasALocation() {
        api.researcher().contentType(ContentType.JSON)
                .body("{\"question\": \"q\", \"family\": \"weak-to-strong\"}")
                .post("/api/goals")
                .then().statusCode(201)
                .header("Location", containsString("/api/goals/"))
                .body("budget.experiments", equalTo(4));
    }

    @Test
    void aGoalWithoutAQuestionIsRejectedNamingTheField() {
        api.assertInvalid("{\"family\": \"weak-to-strong\"}", "question");
        api.assertInvalid("{\"question\": \"  \", \"family\": \"weak-to-strong\"}", "question");
        api.assertInvalid("{\"question\": \"" + "x".repeat(4001) + "\", \"family\": \"weak-to-strong\"}", "question");
    }

    @Test
    void anUnknownFamilyIsRejectedNamingTheField() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"astrology\"}", "family")
                .body("violations[0].message", containsString("weak-to-strong"));
    }

    @Test
    void aFactorTheFamilyCannotVaryIsRejectedNamingItAndTheFactorsItHas() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"factors\": [\"auxLossAlpha\", "
                + "\"auxLoss\"]}", "factors[1]")
                .body("violations[0].message", containsString("'auxLoss' is not a factor weak-to-strong can vary"))
                .body("violations[0].message", containsString("auxLossAlpha"));
        api.researcher().contentType(ContentType.JSON)
                .body("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"factors\": [\"\"]}")
                .post("/api/goals")
                .then().statusCode(400)
                .body("violations.field", hasItem(startsWith("factors")));
    }

    @Test
    void aGoalWithoutFactorsHasNone() {
        api.researcher().contentType(ContentType.JSON)
                .body("{\"question\": \"q\", \"family\": \"weak-to-strong\"}")
                .post("/api/goals")
                .then().statusCode(201)
                .body("factors", equalTo(List.of()));
    }

    @Test
    void aNonPositiveBudgetIsRejectedNamingTheField() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": 0}}",
                "budget.rounds");
    }

    @Test
    void malformedJsonIsRejectedWithoutAStackTrace() {
        api.assertInvalid("{\"question\": \"q\", \"family\": ", "body")
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void anUnknownFieldIsRejectedNamingTheField() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"colour\": \"blue\"}", "colour")
                .body("violations[0].message", equalTo("unknown field"));
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"gpus\": 8}}",
                "budget.gpus");
    }

    @Test
    void aFieldOfTheWrongTypeIsRejectedNamingTheField() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": \"many\"}}",
                "budget.rounds")
                .body("violations[0].message", equalTo("must be a number"))
                .body(not(containsString("java.lang")));
        // No silent coercion either way.
        api.assertInvalid("{\"question\": 5, \"family\": \"weak-to-strong\"}", "question");
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": \"2\"}}",
                "budget.rounds");
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": 1.5}}",
                "budget.rounds");
    }

    @Test
    void anEmptyBodyIsRejected() {
        api.assertInvalid("", "body");
    }

    @Test
    void aNonPositiveRoundTimeoutIsRejectedNamingTheField() {
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"roundTimeoutSeconds\": 0}",
                "roundTimeoutSeconds");
    }

    // --- what one researcher may take: budget ceilings and running goals -------------------------------------

    @Test
    void aBudgetAboveTheOperatorsCeilingIsRefusedNamingTheFieldAndTheCeiling() {
        // The reproduction of issue 13: a budget of 2^31 - 1 was accepted, for any field.
        for (String field : List.of("experiments", "computeSeconds", "rounds", "wallSeconds")) {
            api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"" + field
                    + "\": 2147483647}}", "budget." + field)
                    .body("violations", hasSize(1))
                    .body("violations[0].message", startsWith("must be at most "));
        }
        int ceiling = config.maxBudget().experiments();
        api.assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"experiments\": "
                + (ceiling + 1) + ", \"rounds\": " + (config.maxBudget().rounds() + 1) + "}}",
                "budget.experiments")
                .body("violations.field", containsInAnyOrder("budget.experiments", "budget.rounds"))
                .body("violations.find { it.field == 'budget.experiments' }.message",
                        startsWith("must be at most " + ceiling + ","));
        // At the ceiling is allowed; the refused requests stored nothing.
        api.createGoal("{\"experiments\": " + ceiling + "}", null);
        api.researcher().get("/api/goals").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void aResearcherWithTheMostRunningGoalsIsRefusedAnotherUntilOneEnds() {
        int limit = config.maxRunningGoalsPerResearcher();
        List<UUID> running = IntStream.range(0, limit).mapToObj(i -> api.createGoal(1200)).toList();

        assertProblem(api.researcher().contentType(ContentType.JSON)
                .body("{\"question\": \"one more\", \"family\": \"weak-to-strong\"}").post("/api/goals").then(), 409)
                .body("type", endsWith("/too-many-running-goals"))
                .body("detail", containsString("(" + limit + ")"));
        // Another researcher is not held back by this one's goals.
        GoalApi.newResearcher().createGoal(1200);
        // An ended goal no longer counts.
        api.researcher().post("/api/goals/{id}/cancel", running.get(0)).then().statusCode(200);
        api.createGoal(1200);
        api.researcher().queryParam("status", "RUNNING").get("/api/goals").then().body("", hasSize(limit));
    }

    @Test
    void goalsAskedForAtOnceStillStopAtTheLimit() throws Exception {
        int limit = config.maxRunningGoalsPerResearcher();
        GoalApi researcher = GoalApi.newResearcher();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < limit + 6; i++) {
                answers.add(pool.submit(() -> researcher.researcher().contentType(ContentType.JSON)
                        .body("{\"question\": \"at once\", \"family\": \"weak-to-strong\"}")
                        .post("/api/goals").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(limit);
        } finally {
            pool.shutdownNow();
        }
        researcher.researcher().get("/api/goals").then().body("", hasSize(limit));
    }
}
