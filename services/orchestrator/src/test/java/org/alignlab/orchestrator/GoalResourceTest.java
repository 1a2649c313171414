package org.alignlab.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.infra.TestInfrastructure;
import org.alignlab.infra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator through its HTTP API and its real topics, with the services around it played by the test; the
 * API is called as a researcher (who may do all of it), {@link AccessResourceTest} walks the other roles.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String QUESTION = "How much of the gap does a weak supervisor recover?";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final KafkaProbe KAFKA = new KafkaProbe();

    // --- creating goals -------------------------------------------------------------------------------------

    @Test
    void aNewGoalRequestsItsFirstRoundInsideTheRequestsTrace() {
        String traceId = randomHex(16);
        String id = researcher().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body("""
                        {"question": "%s", "family": "weak-to-strong", "budget": {"experiments": 3}}
                        """.formatted(QUESTION))
                .post("/api/goals")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("RUNNING"))
                .body("round", equalTo(1))
                .body("question", equalTo(QUESTION))
                .body("family", equalTo("weak-to-strong"))
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
        assertThat(round.budgetLeft()).isEqualTo(new Budget(3, 900, 1, 1200));
        assertThat(round.findings()).isEmpty();
        // The producer span is a child of the HTTP request's span: one trace from the researcher to ideation.
        assertThat(KafkaProbe.header(record, "traceparent")).contains(traceId);

        researcher().get("/api/goals/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("RUNNING"));
        researcher().queryParam("status", "RUNNING").get("/api/goals").then().statusCode(200)
                .body("id", hasItem(id))
                .body("status", everyItem(equalTo("RUNNING")));
    }

    @Test
    void aCreatedGoalHasALocation() {
        researcher().contentType(ContentType.JSON)
                .body("{\"question\": \"q\", \"family\": \"weak-to-strong\"}")
                .post("/api/goals")
                .then().statusCode(201)
                .header("Location", containsString("/api/goals/"))
                .body("budget.experiments", equalTo(4));
    }

    @Test
    void aGoalWithoutAQuestionIsRejectedNamingTheField() {
        assertInvalid("{\"family\": \"weak-to-strong\"}", "question");
        assertInvalid("{\"question\": \"  \", \"family\": \"weak-to-strong\"}", "question");
        assertInvalid("{\"question\": \"" + "x".repeat(4001) + "\", \"family\": \"weak-to-strong\"}", "question");
    }

    @Test
    void anUnknownFamilyIsRejectedNamingTheField() {
        assertInvalid("{\"question\": \"q\", \"family\": \"astrology\"}", "family")
                .body("violations[0].message", containsString("weak-to-strong"));
    }

    @Test
    void aNonPositiveBudgetIsRejectedNamingTheField() {
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": 0}}",
                "budget.rounds");
    }

    @Test
    void malformedJsonIsRejectedWithoutAStackTrace() {
        assertInvalid("{\"question\": \"q\", \"family\": ", "body")
                .body("detail", containsString("not valid JSON"))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void anUnknownFieldIsRejectedNamingTheField() {
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"colour\": \"blue\"}", "colour")
                .body("violations[0].message", equalTo("unknown field"));
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"gpus\": 8}}",
                "budget.gpus");
    }

    @Test
    void aFieldOfTheWrongTypeIsRejectedNamingTheField() {
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": \"many\"}}",
                "budget.rounds")
                .body("violations[0].message", equalTo("must be a number"))
                .body(not(containsString("java.lang")));
        // No silent coercion either way.
        assertInvalid("{\"question\": 5, \"family\": \"weak-to-strong\"}", "question");
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": \"2\"}}",
                "budget.rounds");
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"budget\": {\"rounds\": 1.5}}",
                "budget.rounds");
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertInvalid("", "body");
    }

    // --- reading goals --------------------------------------------------------------------------------------

    @Test
    void anUnknownGoalIsAProblem404() {
        String id = UUID.randomUUID().toString();
        assertProblem(researcher().get("/api/goals/{id}", id).then(), 404)
                .body("detail", equalTo("goal " + id + " not found"));
        assertProblem(researcher().get("/api/goals/{id}/report", id).then(), 404)
                .body("detail", equalTo("goal " + id + " not found"));
    }

    @Test
    void aMalformedGoalIdIsAProblem400() {
        assertProblem(researcher().get("/api/goals/not-a-uuid").then(), 400).body("violations[0].field", equalTo("id"));
        assertProblem(researcher().get("/api/goals/1-2-3-4-5/report").then(), 400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void anUnknownStatusFilterIsAProblem400() {
        assertProblem(researcher().queryParam("status", "DONE").get("/api/goals").then(), 400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void anUnknownPathIsAProblem404() {
        assertProblem(researcher().get("/api/nothing-here").then(), 404);
    }

    @Test
    void theReportOfARunningGoalIsNotReady() {
        String goal = createGoal(1200);
        assertProblem(researcher().get("/api/goals/{id}/report", goal).then(), 404)
                .body("type", endsWith("/report-not-ready"))
                .body("detail", equalTo("report not ready"));
    }

    // --- closing the round ----------------------------------------------------------------------------------

    @Test
    void aReviewedActionCompletesTheGoalWithAReportLinkingItsEvidence() throws Exception {
        UUID goal = UUID.fromString(createGoal(1200));
        UUID action = UUID.randomUUID();
        String verdictTrace = randomHex(16);
        String resultTrace = randomHex(16);

        publishVerdict(goal, action, Decision.ALLOW, verdictTrace);
        publishResult(goal, action, resultTrace);
        publishReview(goal, action);
        // At-least-once delivery: a redelivered verdict changes nothing.
        publishVerdict(goal, action, Decision.BLOCK, randomHex(16));

        awaitStatus(goal, "COMPLETED");
        researcher().get("/api/goals/{id}", goal).then().statusCode(200)
                .body("completedAt", notNullValue())
                .body("actions", equalTo(1));

        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .contentType(ContentType.JSON)
                // Served as it was stored: field order and all.
                .body(startsWith("{\"goal\":{\"id\":"))
                .body("status", equalTo("COMPLETED"))
                .body("generatedAt", notNullValue())
                .body("goal.id", equalTo(goal.toString()))
                .body("goal.status", equalTo("COMPLETED"))
                .body("actions", hasSize(1))
                .body("actions[0].actionId", equalTo(action.toString()))
                .body("actions[0].traceId", equalTo(verdictTrace))
                .body("actions[0].verdict.decision", equalTo("ALLOW"))
                .body("actions[0].verdict.suspicion", equalTo(0.05f))
                .body("actions[0].verdict.policyVersion", equalTo("skeleton-1"))
                .body("actions[0].verdict.auditSeq", equalTo(7))
                .body("actions[0].verdict.auditHash", equalTo("a".repeat(64)))
                .body("actions[0].audit.records",
                        equalTo("http://127.0.0.1:8083/api/audit/records?actionId=" + action))
                .body("actions[0].audit.verdictSeq", equalTo(7))
                .body("actions[0].audit.verdictHash", equalTo("a".repeat(64)))
                .body("actions[0].result.status", equalTo("SUCCEEDED"))
                .body("actions[0].result.metrics.pgr", equalTo(0.42f))
                .body("actions[0].result.durationMs", equalTo(12000))
                .body("actions[0].result.environment.codeVersion", equalTo("abc123"))
                .body("actions[0].result.traceId", equalTo(resultTrace))
                .body("actions[0].review.verdict", equalTo("ACCEPTED"))
                .body("actions[0].review.score", equalTo(0.9f))
                .body("actions[0].review.rationale", equalTo("replicated on held-out seeds"))
                .body("actions[0].review.flags", hasItems("replicated"))
                .body("findings", hasSize(1))
                .body("findings[0]", containsString("ACCEPTED"));

        String metrics = operator().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("alignlab_goals_created_total(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("alignlab_goals_completed_total\\{[^}]*status=\"COMPLETED\"[^}]*} [1-9]");
    }

    @Test
    void aGoalWhoseOnlyActionIsBlockedFails() throws Exception {
        UUID goal = UUID.fromString(createGoal(1200));
        UUID action = UUID.randomUUID();
        publishVerdict(goal, action, Decision.BLOCK, randomHex(16));

        awaitStatus(goal, "FAILED");
        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("actions[0].verdict.decision", equalTo("BLOCK"))
                .body("actions[0].result", nullValue())
                .body("actions[0].review", nullValue())
                .body("findings[0]", containsString("BLOCK"));
    }

    @Test
    void aSchemaInvalidReviewGoesToTheDeadLetterQueueAndConsumptionContinues() throws Exception {
        UUID goal = UUID.fromString(createGoal(1200));
        UUID action = UUID.randomUUID();
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        String invalid = "{\"goalId\": \"" + goal + "\", \"claimId\": \"not-a-uuid\"}";
        KAFKA.send(Topics.REVIEWS, goal.toString(), invalid);
        publishReview(goal, action);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.REVIEWS), 1,
                r -> invalid.equals(r.value()), EVENTUALLY).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).contains("invalid Review");
        awaitStatus(goal, "COMPLETED");
    }

    @Test
    void aGoalPastItsWallClockBudgetTimesOutWithWhatArrived() throws Exception {
        UUID goal = UUID.fromString(createGoal(1));
        UUID action = UUID.randomUUID();
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));

        awaitStatus(goal, "TIMED_OUT");
        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("TIMED_OUT"))
                .body("actions.actionId", hasItem(action.toString()));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static RequestSpecification researcher() {
        return given().auth().oauth2(TestTokens.forRole(Roles.RESEARCHER));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR));
    }

    private static String createGoal(int wallSeconds) {
        return researcher().contentType(ContentType.JSON)
                .body("""
                        {"question": "%s", "family": "weak-to-strong", "budget": {"wallSeconds": %d}}
                        """.formatted(QUESTION, wallSeconds))
                .post("/api/goals")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static void awaitStatus(UUID goal, String status) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                researcher().get("/api/goals/{id}", goal).then().statusCode(200).body("status", equalTo(status)));
    }

    private static void publishVerdict(UUID goal, UUID action, Decision decision, String traceId) throws Exception {
        Verdict verdict = new Verdict(action, goal, decision, 0.05, List.of(), null, "skeleton-1", "monitor", null,
                7, "a".repeat(64), Instant.now());
        KAFKA.send(Topics.MONITOR_VERDICTS, goal.toString(), EventCodec.encode(verdict),
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
    }

    private static void publishResult(UUID goal, UUID action, String traceId) throws Exception {
        Instant now = Instant.now();
        ExperimentResult result = new ExperimentResult(action, goal, ExperimentStatus.SUCCEEDED, null,
                Map.of("pgr", 0.42), List.of(new SeedMetrics(1, Map.of("pgr", 0.42))), now.minusSeconds(12), now,
                12000, new ResourceUsage(20.5, 410), new RunEnvironment("abc123", "0.36.0", "2.7.1"), "done",
                traceId);
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goal.toString(), EventCodec.encode(result));
    }

    private static void publishReview(UUID goal, UUID action) throws Exception {
        Review review = new Review(goal, action, List.of(action), ReviewVerdict.ACCEPTED, 0.9, 0.3,
                List.of(0.2, 0.4), 0.01, 0.02, "replicated on held-out seeds", List.of("replicated"));
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    private static ValidatableResponse assertInvalid(String body, String field) {
        return assertProblem(researcher().contentType(ContentType.JSON).body(body).post("/api/goals").then(), 400)
                .body("type", endsWith("/invalid-request"))
                .body("violations.field", hasItem(field));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
