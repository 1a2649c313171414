package org.alignlab.orchestrator;

import static org.alignlab.orchestrator.GoalApi.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.orchestrator.evidence.GoalActionRepository;
import org.alignlab.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * How goals end: by their evidence, their budgets, their round timeouts and a researcher's cancel, and what the
 * consumers do with an invalid record meanwhile. The test plays the services around the orchestrator on the real
 * topics ({@link GoalApi}) and shares one application start with the other {@code @QuarkusTest} classes of this
 * module.
 */
@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class GoalLifecycleTest {

    private final GoalApi api = GoalApi.newResearcher();
    @Inject
    GoalActionRepository actions;

    @Test
    void aGoalWhoseOnlyActionIsBlockedFails() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.BLOCK, randomHex(16));

        api.endedReport(goal, "FAILED")
                .body("actions[0].verdict.decision", equalTo("BLOCK"))
                .body("actions[0].result", nullValue())
                .body("actions[0].review", nullValue())
                .body("findings[0]", containsString("BLOCK"));
    }

    @Test
    void aSchemaInvalidReviewGoesToTheDeadLetterQueueAndConsumptionContinues() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        String invalid = "{\"goalId\": \"" + goal + "\", \"claimId\": \"not-a-uuid\"}";
        KAFKA.send(Topics.REVIEWS, goal.toString(), invalid);
        publishReview(goal, action);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.REVIEWS), 1,
                r -> invalid.equals(r.value()), EVENTUALLY).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).contains("invalid Review");
        api.awaitStatus(goal, "COMPLETED");
    }

    /**
     * Reproduction (issue 13): an action whose hypothesis held a NUL (from an LLM's reply) could not be stored, was
     * retried for ever, and no proposal of any goal was recorded after it. It is dead-lettered now, and the next
     * goal's proposal is recorded.
     */
    @Test
    void anActionWithANulIsDeadLetteredAndTheNextProposalIsRecorded() throws Exception {
        UUID poisoned = api.createGoal(1200);
        UUID next = api.createGoal(1200);
        String hostile = actionJson(poisoned, UUID.randomUUID(), 1, 0.5, "llm-v1", "MARKER")
                .replace("MARKER", "fine\\u0000until here");
        KAFKA.send(Topics.AGENT_ACTIONS, poisoned.toString(), hostile);
        publishAction(next, UUID.randomUUID(), 1, 0.25, "llm-v1", "recorded after the poison");

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.AGENT_ACTIONS), 1,
                r -> hostile.equals(r.value()), EVENTUALLY).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).contains("$.hypothesis").contains("U+0000");
        await().atMost(EVENTUALLY).untilAsserted(() -> api.researcher().get("/api/goals/{id}", next)
                .then().statusCode(200).body("actions", equalTo(1)));
        api.researcher().get("/api/goals/{id}", poisoned).then().statusCode(200).body("actions", equalTo(0));
    }

    /**
     * Reproduction (issue 14): a forged SUCCEEDED result for an action nobody proposed became a goal's evidence with
     * no audit record behind it. Unsigned, or signed by another key, it is dead-lettered and creates no state; so is a
     * verdict the monitor did not sign.
     */
    @Test
    void resultsAndVerdictsTheirProducersDidNotSignAreDeadLetteredAndCreateNoState() throws Exception {
        UUID goal = api.createGoal(1200);
        UUID action = UUID.randomUUID();
        Instant now = Instant.now();
        ExperimentResult forged = new ExperimentResult(action, goal, ExperimentStatus.SUCCEEDED, null,
                Map.of("pgr", 0.99), List.of(new SeedMetrics(1, Map.of("pgr", 0.99))), now.minusSeconds(5), now,
                5000, null, null, "fabricated", null, null, null);
        KeyPair other = Ed25519.generate();
        OriginSigner impostor = new OriginSigner(other.getPrivate(), other.getPublic());
        Verdict unsignedVerdict = new Verdict(action, goal, Decision.ALLOW, 0.01, List.of(), null, "p", "monitor",
                null, 1, "a".repeat(64), now, null, null);
        String[] hostile = {EventCodec.encode(forged),
                EventCodec.encode(impostor.sign(forged.signedBy(impostor.keyId()))),
                EventCodec.encode(unsignedVerdict)};
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goal.toString(), hostile[0]);
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goal.toString(), hostile[1]);
        KAFKA.send(Topics.MONITOR_VERDICTS, goal.toString(), hostile[2]);

        for (String record : hostile) {
            String topic = record.contains("\"decision\"") ? Topics.MONITOR_VERDICTS : Topics.EXPERIMENT_RESULTS;
            ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(topic), 1, r -> record.equals(r.value()),
                    EVENTUALLY).get(0);
            assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).containsAnyOf("not the executor's",
                    "not the monitor's");
        }
        api.researcher().get("/api/goals/{id}", goal).then().statusCode(200).body("actions", equalTo(0))
                .body("status", equalTo("RUNNING"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> actions.findByIdOptional(action))).isEmpty();
    }

    @Test
    void aGoalPastItsWallClockBudgetTimesOutWithWhatArrived() throws Exception {
        UUID goal = api.createGoal(1);
        UUID action = UUID.randomUUID();
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));

        api.endedReport(goal, "TIMED_OUT")
                .body("actions.actionId", hasItem(action.toString()));
    }

    @Test
    void theExperimentsBudgetStopsTheGoalAfterItsRound() throws Exception {
        UUID goal = api.createGoal("{\"experiments\": 1, \"rounds\": 5}", null);
        UUID action = UUID.randomUUID();
        api.runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);

        api.awaitStatus(goal, "COMPLETED");
        api.researcher().get("/api/goals/{id}", goal).then()
                .body("exhaustedBudget", equalTo("experiments"))
                .body("endReason", containsString("budget.experiments: 1 of 1 spent"));
        assertThat(roundsRequested(goal)).containsOnly(1);
    }

    /**
     * Reproduction of a flaky CI run: the proposal is on its own topic, so its verdict, result and review can all be
     * heard of first. The round then closed with no experiment counted and requested round 2, and the late proposal
     * of round 1 left the goal waiting for round 2's timeout. The round now waits for the proposal.
     */
    @Test
    void aProposalHeardAfterItsVerdictResultAndReviewStillEndsTheRound() throws Exception {
        UUID goal = api.createGoal("{\"experiments\": 1, \"rounds\": 5}", null);
        UUID action = UUID.randomUUID();
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));
        publishResult(goal, action, randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);
        await().atMost(EVENTUALLY).until(() -> QuarkusTransaction.requiringNew().call(() -> actions
                .findByIdOptional(action)
                .filter(a -> a.decision() != null && a.resultStatus() != null && a.isReviewed())
                .isPresent()));
        api.researcher().get("/api/goals/{id}", goal).then().body("status", equalTo("RUNNING"))
                .body("round", equalTo(1));

        publishAction(goal, action, 1, 0.0);
        api.awaitStatus(goal, "COMPLETED");
        api.researcher().get("/api/goals/{id}", goal).then()
                .body("exhaustedBudget", equalTo("experiments"));
        assertThat(roundsRequested(goal)).containsOnly(1);
    }

    @Test
    void theComputeBudgetStopsTheGoalMidRound() throws Exception {
        UUID goal = api.createGoal("{\"computeSeconds\": 10, \"rounds\": 3}", null);
        // One run used 20.5 CPU seconds: the goal stops without waiting for its review.
        api.runActions(goal, 1, Map.of(UUID.randomUUID(), 0.0), randomHex(16));

        api.awaitStatus(goal, "BUDGET_EXHAUSTED");
        api.researcher().get("/api/goals/{id}", goal).then()
                .body("exhaustedBudget", equalTo("computeSeconds"))
                .body("endReason", containsString("budget.computeSeconds: 20.5 of 10 spent"));
        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("BUDGET_EXHAUSTED"));
        assertThat(roundsRequested(goal)).containsOnly(1);
    }

    @Test
    void aCancelledGoalStopsAndLaterEvidenceDoesNotRestartIt() throws Exception {
        UUID goal = api.createGoal("{\"rounds\": 3}", null);
        api.researcher().post("/api/goals/{id}/cancel", goal).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("CANCELLED"))
                .body("endReason", startsWith("cancelled by"))
                .body("completedAt", notNullValue());

        UUID action = UUID.randomUUID();
        api.runActions(goal, 1, Map.of(action, 0.0), randomHex(16));
        publishReview(goal, action, ReviewVerdict.ACCEPTED, 0.3);
        await().atMost(EVENTUALLY).untilAsserted(() -> api.researcher().get("/api/goals/{id}", goal).then()
                .body("actions", equalTo(1)));
        api.researcher().get("/api/goals/{id}", goal).then().body("status", equalTo("CANCELLED"));
        assertThat(roundsRequested(goal)).containsOnly(1);
        api.researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertProblem(api.researcher().post("/api/goals/{id}/cancel", goal).then(), 409)
                .body("type", endsWith("/goal-ended"));
        assertProblem(api.researcher().post("/api/goals/{id}/cancel", UUID.randomUUID()).then(), 404);
        assertProblem(api.researcher().post("/api/goals/not-a-uuid/cancel").then(), 400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void aRoundPastItsTimeoutClosesAndTheNextStarts() throws Exception {
        UUID goal = api.createGoal("{\"rounds\": 2}", 2);
        UUID action = UUID.randomUUID();
        publishAction(goal, action, 1, 0.0);
        publishVerdict(goal, action, Decision.ALLOW, randomHex(16));

        assertThat(awaitRound(goal, 2).round()).isEqualTo(2);
        // Nothing is proposed for round 2: it times out too and the goal ends without evidence.
        api.awaitStatus(goal, "FAILED");
        api.researcher().get("/api/goals/{id}", goal).then()
                .body("endReason", containsString("round 2 timed out with nothing proposed"));
    }
}
