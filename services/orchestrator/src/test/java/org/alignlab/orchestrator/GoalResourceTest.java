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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.orchestrator.goal.GoalRepository;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator through its HTTP API and its real topics, with the services around it played by the test; the
 * API is called as a researcher (who may do all of it), {@link AccessResourceTest} walks the other roles.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalResourceTest {

    @Inject
    GoalRepository goals;

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String QUESTION = "How much of the gap does a weak supervisor recover?";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

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

    // --- rounds, budgets and cancelling ----------------------------------------------------------------------

    @Test
    void roundsRunUntilTheRoundsBudgetAndTheReportRanksTheirFindings() throws Exception {
        UUID goal = createGoal("{\"experiments\": 10, \"rounds\": 2}", null);
        UUID accepted = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        String trace = randomHex(16);
        runActions(goal, 1, Map.of(accepted, 0.0, rejected, 0.5), trace);
        publishReview(goal, accepted, ReviewVerdict.ACCEPTED, 0.3);
        publishReview(goal, rejected, ReviewVerdict.REJECTED, 0.01);

        RoundRequested second = awaitRound(goal, 2);
        // Both requests went through the outbox, and the relay marked them sent once the broker had them.
        await().atMost(Duration.ofSeconds(5)).until(() -> roundsSentByTheOutbox(goal) == 2);
        assertThat(second.budgetLeft().experiments()).isEqualTo(8);
        assertThat(second.budgetLeft().rounds()).isEqualTo(1);
        assertThat(second.budgetLeft().computeSeconds()).isEqualTo(859);
        UUID best = UUID.randomUUID();
        runActions(goal, 2, Map.of(best, 1.0), trace);
        publishReview(goal, best, ReviewVerdict.ACCEPTED, 0.5);

        awaitStatus(goal, "COMPLETED");
        researcher().get("/api/goals/{id}", goal).then().statusCode(200)
                .body("round", equalTo(2))
                .body("exhaustedBudget", equalTo("rounds"))
                .body("endReason", containsString("budget.rounds: 2 of 2 spent"))
                .body("spent.experiments", equalTo(3))
                .body("spent.rounds", equalTo(2));
        assertThat(roundsRequested(goal)).containsOnly(1, 2);

        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("claims.verdict", equalTo(List.of("ACCEPTED", "ACCEPTED", "REJECTED")))
                .body("claims[0].claimId", equalTo(best.toString()))
                .body("claims[0].round", equalTo(2))
                .body("claims[2].claimId", equalTo(rejected.toString()))
                .body("claims[0].provenance[0].actionId", equalTo(best.toString()))
                .body("claims[0].provenance[0].auditRecords",
                        equalTo("http://127.0.0.1:8083/api/audit/records?actionId=" + best))
                .body("claims[0].provenance[0].traceId", equalTo(trace))
                .body("claims[0].provenance[0].resultStatus", equalTo("SUCCEEDED"))
                .body("actions[0].proposal.params.auxLossAlpha", notNullValue());

        String md = researcher().queryParam("format", "md").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertThat(md).contains("## Findings, ranked", "1. **ACCEPTED**", "3. **REJECTED**",
                "[audit records](http://127.0.0.1:8083/api/audit/records?actionId=" + best + ")",
                "trace `" + trace + "`", "/api/goals/" + goal + "/report/plots/pgr-by-configuration.png");
        assertThat(md.indexOf("**REJECTED**")).isGreaterThan(md.lastIndexOf("**ACCEPTED**"));
        String html = researcher().accept("text/html").get("/api/goals/{id}/report", goal).then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("<ol class=\"findings\">",
                "<a href=\"http://127.0.0.1:8083/api/audit/records?actionId=" + best + "\">audit records</a>",
                "<img src=\"/api/goals/" + goal + "/report/plots/metric-vs-parameter.png\"");

        for (String plot : List.of("pgr-by-configuration", "metric-vs-parameter")) {
            byte[] png = researcher().get("/api/goals/{id}/report/plots/{name}.png", goal, plot).then()
                    .statusCode(200).contentType("image/png").extract().asByteArray();
            assertThat(Arrays.copyOf(png, 8)).as(plot).isEqualTo(PNG_SIGNATURE);
            assertThat(pixelsOf(png, new Color(0x1F, 0x77, 0xB4))).as(plot + " drew its data").isGreaterThan(10);
        }
        assertProblem(researcher().get("/api/goals/{id}/report/plots/overoptimization.png", goal).then(), 404);
        assertProblem(researcher().queryParam("format", "pdf").get("/api/goals/{id}/report", goal).then(), 400)
                .body("violations[0].field", equalTo("format"));
    }

    @Test
    void theExperimentsBudgetStopsTheGoalAfterItsRound() throws Exception {
        UUID goal = createGoal("{\"experiments\": 1, \"rounds\": 5}", null);
        UUID action = UUID.randomUUID();
        runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);

        awaitStatus(goal, "COMPLETED");
        researcher().get("/api/goals/{id}", goal).then()
                .body("exhaustedBudget", equalTo("experiments"))
                .body("endReason", containsString("budget.experiments: 1 of 1 spent"));
        assertThat(roundsRequested(goal)).containsOnly(1);
    }

    @Test
    void theComputeBudgetStopsTheGoalMidRound() throws Exception {
        UUID goal = createGoal("{\"computeSeconds\": 10, \"rounds\": 3}", null);
        // One run used 20.5 CPU seconds: the goal stops without waiting for its review.
        runActions(goal, 1, Map.of(UUID.randomUUID(), 0.0), randomHex(16));

        awaitStatus(goal, "BUDGET_EXHAUSTED");
        researcher().get("/api/goals/{id}", goal).then()
                .body("exhaustedBudget", equalTo("computeSeconds"))
                .body("endReason", containsString("budget.computeSeconds: 20.5 of 10 spent"));
        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("BUDGET_EXHAUSTED"));
        assertThat(roundsRequested(goal)).containsOnly(1);
    }

    @Test
    void aCancelledGoalStopsAndLaterEvidenceDoesNotRestartIt() throws Exception {
        UUID goal = createGoal("{\"rounds\": 3}", null);
        researcher().post("/api/goals/{id}/cancel", goal).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("CANCELLED"))
                .body("endReason", startsWith("cancelled by"))
                .body("completedAt", notNullValue());

        UUID action = UUID.randomUUID();
        runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);
        await().atMost(EVENTUALLY).untilAsserted(() -> researcher().get("/api/goals/{id}", goal).then()
                .body("actions", equalTo(1)));
        researcher().get("/api/goals/{id}", goal).then().body("status", equalTo("CANCELLED"));
        assertThat(roundsRequested(goal)).containsOnly(1);
        researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertProblem(researcher().post("/api/goals/{id}/cancel", goal).then(), 409)
                .body("type", endsWith("/goal-ended"));
        assertProblem(researcher().post("/api/goals/{id}/cancel", UUID.randomUUID()).then(), 404);
        assertProblem(researcher().post("/api/goals/not-a-uuid/cancel").then(), 400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void aRoundPastItsTimeoutClosesAndTheNextStarts() throws Exception {
        UUID goal = createGoal("{\"rounds\": 2}", 2);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));

        assertThat(awaitRound(goal, 2).round()).isEqualTo(2);
        // Nothing is proposed for round 2: it times out too and the goal ends without evidence.
        awaitStatus(goal, "FAILED");
        researcher().get("/api/goals/{id}", goal).then()
                .body("endReason", containsString("round 2 timed out with nothing proposed"));
    }

    @Test
    void aNonPositiveRoundTimeoutIsRejectedNamingTheField() {
        assertInvalid("{\"question\": \"q\", \"family\": \"weak-to-strong\", \"roundTimeoutSeconds\": 0}",
                "roundTimeoutSeconds");
    }

    // --- progress events ------------------------------------------------------------------------------------

    @Test
    void progressEventsArriveInOrderAndEndWithTheFinalStatusForLiveAndLateSubscribers() throws Exception {
        UUID goal = createGoal("{\"rounds\": 1}", null);
        CompletableFuture<List<SseEvent>> live = CompletableFuture.supplyAsync(() -> readEvents(goal, null));
        UUID action = UUID.randomUUID();
        runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
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
        assertThat(readEvents(goal, null)).isEqualTo(events);
        assertThat(readEvents(goal, "3")).isEqualTo(events.subList(3, events.size()));
        assertProblem(researcher().get("/api/goals/{id}/events", UUID.randomUUID()).then(), 404);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static RequestSpecification researcher() {
        return given().auth().oauth2(TestTokens.forRole(Roles.RESEARCHER));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.forRole(Roles.OPERATOR));
    }

    private static UUID createGoal(String budget, Integer roundTimeoutSeconds) {
        String timeout = roundTimeoutSeconds == null ? "" : ", \"roundTimeoutSeconds\": " + roundTimeoutSeconds;
        return UUID.fromString(researcher().contentType(ContentType.JSON)
                .body("""
                        {"question": "%s", "family": "weak-to-strong", "budget": %s%s}
                        """.formatted(QUESTION, budget, timeout))
                .post("/api/goals")
                .then().statusCode(201)
                .extract().path("id"));
    }

    /**
     * Plays ideation, the monitor and the executor for a round's runs: every action and verdict first, then the
     * results, and returns once the orchestrator knows every action, so no review can settle the round early.
     *
     * @param runs each run's action id and its {@code auxLossAlpha}; a run's pgr grows with it
     */
    private static void runActions(UUID goal, int round, Map<UUID, Double> runs, String traceId) throws Exception {
        long known = researcher().get("/api/goals/{id}", goal).then().extract().<Integer>path("actions");
        for (var run : runs.entrySet()) {
            publishAction(goal, run.getKey(), round, run.getValue());
            publishVerdict(goal, run.getKey(), Decision.ALLOW, traceId);
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> researcher().get("/api/goals/{id}", goal).then()
                .body("actions", equalTo((int) known + runs.size())));
        for (var run : runs.entrySet()) {
            publishResult(goal, run.getKey(), randomHex(16), Map.of("pgr", 0.3 + run.getValue() * 0.3));
        }
    }

    private static RoundRequested awaitRound(UUID goal, int round) {
        return EventCodec.decode(KAFKA.await(Topics.RESEARCH_ROUNDS, 1, r -> goal.toString().equals(r.key())
                && EventCodec.decode(r.value(), RoundRequested.class).round() == round, EVENTUALLY)
                .get(0).value(), RoundRequested.class);
    }

    /**
     * The rounds requested for a goal so far (the outbox sends at least once, so a round may be on the topic twice
     * after a crash: ideation decides it once).
     */
    private static List<Integer> roundsRequested(UUID goal) {
        return KAFKA.readAll(Topics.RESEARCH_ROUNDS, r -> goal.toString().equals(r.key())).stream()
                .map(r -> EventCodec.decode(r.value(), RoundRequested.class).round())
                .toList();
    }

    /** The goal's rows in the orchestrator's outbox that the relay has sent (the broker acknowledged them). */
    private long roundsSentByTheOutbox(UUID goal) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) goals.getEntityManager().createNativeQuery(
                        "select count(*) from orchestrator.outbox where topic = ?1 and record_key = ?2"
                                + " and published_at is not null")
                .setParameter(1, Topics.RESEARCH_ROUNDS)
                .setParameter(2, goal.toString())
                .getSingleResult()).longValue());
    }

    private record SseEvent(long id, String name, String data) {
    }

    /** Reads a goal's progress stream until the server ends it. */
    private static List<SseEvent> readEvents(UUID goal, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/goals/" + goal + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.forRole(Roles.RESEARCHER))
                .timeout(Duration.ofSeconds(60));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            List<SseEvent> events = new ArrayList<>();
            Map<String, String> fields = new HashMap<>();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (fields.containsKey("id")) {
                        events.add(new SseEvent(Long.parseLong(fields.get("id")), fields.get("event"),
                                fields.get("data")));
                    }
                    fields.clear();
                } else if (line.indexOf(':') > 0) {
                    String value = line.substring(line.indexOf(':') + 1);
                    fields.put(line.substring(0, line.indexOf(':')), value.startsWith(" ") ? value.substring(1)
                            : value);
                }
            }
            return events;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long pixelsOf(byte[] png, Color colour) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
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

    private static void publishAction(UUID goal, UUID action, int round, double auxLossAlpha) throws Exception {
        AgentAction proposed = new AgentAction(action, goal, round, Agent.IDEATION, "search/latin-hypercube",
                ActionType.RUN_EXPERIMENT, null, "auxLossAlpha 0 -> " + auxLossAlpha + " raises pgr",
                new ExperimentSpec("weak-to-strong", Map.of("auxLossAlpha", auxLossAlpha), List.of(1, 2, 3),
                        Split.VALIDATION, new ResourceRequest(300, 1536, 300), null), Instant.now());
        KAFKA.send(Topics.AGENT_ACTIONS, goal.toString(), EventCodec.encode(proposed));
    }

    private static void publishResult(UUID goal, UUID action, String traceId) throws Exception {
        publishResult(goal, action, traceId, Map.of("pgr", 0.42));
    }

    private static void publishResult(UUID goal, UUID action, String traceId, Map<String, Double> metrics)
            throws Exception {
        Instant now = Instant.now();
        ExperimentResult result = new ExperimentResult(action, goal, ExperimentStatus.SUCCEEDED, null,
                metrics, List.of(new SeedMetrics(1, metrics)), now.minusSeconds(12), now,
                12000, new ResourceUsage(20.5, 410), new RunEnvironment("abc123", "0.36.0", "2.7.1"), "done",
                traceId);
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goal.toString(), EventCodec.encode(result));
    }

    private static void publishReview(UUID goal, UUID action) throws Exception {
        Review review = new Review(goal, action, List.of(action), ReviewVerdict.ACCEPTED, 0.9, 0.3,
                List.of(0.2, 0.4), 0.01, 0.02, "replicated on held-out seeds", List.of("replicated"));
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    private static void publishReview(UUID goal, UUID action, ReviewVerdict verdict, double effect)
            throws Exception {
        Review review = new Review(goal, action, List.of(action), verdict, verdict == ReviewVerdict.ACCEPTED ? 0.9
                : 0.1, effect, List.of(effect - 0.1, effect + 0.1), 0.01, 0.02, "judged on held-out seeds",
                List.of());
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
