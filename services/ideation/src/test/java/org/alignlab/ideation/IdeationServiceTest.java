package org.alignlab.ideation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.testing.TestInfrastructure;
import org.alignlab.testing.TestProducers;
import org.alignlab.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class IdeationServiceTest {

    private static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void roundBecomesAValidatedRunExperimentActionOnTheValidationSplit() throws Exception {
        RoundRequested round = round(UUID.randomUUID(), 1, "weak-to-strong", 3);

        KAFKA.send(Topics.RESEARCH_ROUNDS, round.goalId().toString(), EventCodec.encode(round));

        ConsumerRecord<String, String> record = actionsOf(round.goalId(), 1).get(0);
        AgentAction action = EventCodec.decode(record.value(), AgentAction.class);
        assertThat(action.goalId()).isEqualTo(round.goalId());
        assertThat(action.round()).isEqualTo(1);
        assertThat(action.agent()).isEqualTo(Agent.IDEATION);
        assertThat(action.policy()).isEqualTo("search/baseline");
        assertThat(action.type()).isEqualTo(ActionType.RUN_EXPERIMENT);
        assertThat(action.hypothesis()).contains(round.question());
        assertThat(action.spec().family()).isEqualTo("weak-to-strong");
        assertThat(action.spec().split()).isEqualTo(Split.VALIDATION);
        assertThat(action.spec().params()).isEmpty();
        assertThat(action.spec().seeds()).containsExactly(1, 2);

        // The action has its own span, and the record the outbox relay sent continues it: its traceparent names a
        // producer span whose parent is the action's span.
        String[] traceparent = KafkaProbe.header(record, "traceparent").split("-");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            assertThat(finished)
                    .filteredOn(span -> action.id().toString().equals(attribute(span, SpanAttributes.ACTION_ID)))
                    .anySatisfy(published -> {
                        assertThat(published.getName()).isEqualTo("ideation publish action");
                        assertThat(attribute(published, SpanAttributes.GOAL_ID)).isEqualTo(round.goalId().toString());
                        assertThat(attribute(published, SpanAttributes.AGENT)).isEqualTo("ideation");
                        assertThat(published.getTraceId()).isEqualTo(traceparent[1]);
                        assertThat(finished).anySatisfy(span -> {
                            assertThat(span.getSpanId()).isEqualTo(traceparent[2]);
                            assertThat(span.getParentSpanId()).isEqualTo(published.getSpanId());
                        });
                    });
        });
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_actions_proposed_total{")
                        && line.contains("policy=\"search/baseline\""));
    }

    @Test
    void redeliveredRoundProposesAndSendsNothingNew() throws Exception {
        RoundRequested round = round(UUID.randomUUID(), 1, "weak-to-strong", 1);
        String payload = EventCodec.encode(round);
        String key = round.goalId().toString();

        KAFKA.send(Topics.RESEARCH_ROUNDS, key, payload);
        UUID firstId = EventCodec.decode(actionsOf(round.goalId(), 1).get(0).value(), AgentAction.class).id();
        KAFKA.send(Topics.RESEARCH_ROUNDS, key, payload);
        // Same key, same partition: round 2 is handled after the redelivered round 1, and its action is queued (and
        // sent) after anything that redelivery could have queued.
        KAFKA.send(Topics.RESEARCH_ROUNDS, key, EventCodec.encode(round(round.goalId(), 2, "weak-to-strong", 1)));

        actionsOf(round.goalId(), 2);
        List<AgentAction> sent = KAFKA.readAll(Topics.AGENT_ACTIONS, r -> key.equals(r.key())).stream()
                .map(r -> EventCodec.decode(r.value(), AgentAction.class)).toList();
        assertThat(sent).extracting(AgentAction::round).containsExactly(1, 2);
        assertThat(sent.get(0).id()).isEqualTo(firstId);
        withToken(Roles.RESEARCHER).queryParam("goalId", key).get("/api/proposals")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].id", equalTo(firstId.toString()))
                .body("[0].spec.split", equalTo("validation"));
    }

    @Test
    void roundWithoutExperimentBudgetProposesNothing() throws Exception {
        UUID goalId = UUID.randomUUID();
        // Same key, same partition: round 2's action can only appear after round 1 was handled.
        KAFKA.send(Topics.RESEARCH_ROUNDS, goalId.toString(),
                EventCodec.encode(round(goalId, 1, "weak-to-strong", 0)));
        KAFKA.send(Topics.RESEARCH_ROUNDS, goalId.toString(),
                EventCodec.encode(round(goalId, 2, "weak-to-strong", 1)));

        List<ConsumerRecord<String, String>> actions = actionsOf(goalId, 1);
        assertThat(EventCodec.decode(actions.get(0).value(), AgentAction.class).round()).isEqualTo(2);
        withToken(Roles.RESEARCHER).queryParam("goalId", goalId.toString()).get("/api/proposals")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].round", equalTo(2));
    }

    @Test
    void configuredFamilyParamsTravelAsJsonNumbers() throws Exception {
        RoundRequested round = round(UUID.randomUUID(), 1, "linear-probe", 1);

        KAFKA.send(Topics.RESEARCH_ROUNDS, round.goalId().toString(), EventCodec.encode(round));

        AgentAction action = EventCodec.decode(actionsOf(round.goalId(), 1).get(0).value(), AgentAction.class);
        assertThat(action.spec().params()).isEqualTo(Map.of("epochs", 2));
    }

    @Test
    void laterRoundsLearnFromTheirOwnValidationResultsAndNeverRepeatAConfiguration() throws Exception {
        UUID goalId = UUID.randomUUID();
        KAFKA.send(Topics.RESEARCH_ROUNDS, goalId.toString(), EventCodec.encode(round(goalId, 1, "weak-to-strong", 4)));
        List<AgentAction> first = actionsOf(goalId, 4).stream()
                .map(r -> EventCodec.decode(r.value(), AgentAction.class)).toList();
        assertThat(first).extracting(AgentAction::policy)
                .containsExactly("search/baseline", "search/latin-hypercube", "search/latin-hypercube",
                        "search/latin-hypercube");
        assertThat(first).extracting(a -> a.spec().params()).doesNotHaveDuplicates();

        for (int i = 0; i < first.size(); i++) {
            KAFKA.send(Topics.EXPERIMENT_RESULTS, goalId.toString(),
                    EventCodec.encode(result(first.get(i).id(), goalId, 0.2 + 0.1 * i)));
        }
        // A held-out replication by the reviewer is not ideation's action: its metrics must never reach the model.
        UUID replication = UUID.randomUUID();
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goalId.toString(), EventCodec.encode(result(replication, goalId, 0.99)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(countOf(
                "SELECT count(*) FROM ideation.tested_configs WHERE goal_id = ? AND status = 'SUCCEEDED'", goalId))
                .isEqualTo(4));
        assertThat(countOf("SELECT count(*) FROM ideation.tested_configs WHERE action_id = ?", replication))
                .isZero();

        KAFKA.send(Topics.RESEARCH_ROUNDS, goalId.toString(), EventCodec.encode(round(goalId, 2, "weak-to-strong", 2)));

        List<AgentAction> second = actionsOf(goalId, 6).stream()
                .map(r -> EventCodec.decode(r.value(), AgentAction.class)).filter(a -> a.round() == 2).toList();
        assertThat(second).hasSize(2).allSatisfy(a -> {
            assertThat(a.agent()).isEqualTo(Agent.IDEATION);
            assertThat(a.policy()).isEqualTo("search/gp-ucb");
            assertThat(a.spec().split()).isEqualTo(Split.VALIDATION);
            assertThat(a.hypothesis()).contains("Predicted direction: pgr");
            assertThat(first).extracting(f -> f.spec().params()).doesNotContain(a.spec().params());
        });
        assertThat(countOf("SELECT count(*) FROM ideation.tested_configs WHERE goal_id = ?", goalId)).isEqualTo(6);
    }

    @Test
    void invalidRoundGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        String payload = "{\"goalId\":\"not-a-uuid\",\"marker\":\"" + UUID.randomUUID() + "\"}";

        KAFKA.send(Topics.RESEARCH_ROUNDS, "bad", payload);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.RESEARCH_ROUNDS), 1,
                r -> payload.equals(r.value())).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).isNotNull().contains("invalid RoundRequested");
    }

    @Test
    void reviewsAreKeptForLaterPolicies() throws Exception {
        Review review = new Review(UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()),
                ReviewVerdict.INCONCLUSIVE, 0.5, null, null, null, null, "one run", List.of("single-run"));

        KAFKA.send(Topics.REVIEWS, review.goalId().toString(), EventCodec.encode(review));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seenVerdict(review.claimId()))
                .isEqualTo("INCONCLUSIVE"));
    }

    @Test
    void proposalsNeedAGoalIdThatIsAUuid() {
        withToken(Roles.RESEARCHER).queryParam("goalId", "nope").get("/api/proposals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("goalId"));
    }

    private static RoundRequested round(UUID goalId, int number, String family, int experimentsLeft) {
        return new RoundRequested(goalId, number, family, "Question " + UUID.randomUUID(),
                new Budget(experimentsLeft, 3000, 3, 3600), List.of());
    }

    private static ExperimentResult result(UUID actionId, UUID goalId, double pgr) {
        Instant now = Instant.now();
        return TestProducers.executorSigned(new ExperimentResult(actionId, goalId, ExperimentStatus.SUCCEEDED, null,
                Map.of("pgr", pgr), List.of(new SeedMetrics(1, Map.of("pgr", pgr))), now, now, 1, null, null, null,
                null, null, null));
    }

    private static long countOf(String sql, UUID id) throws Exception {
        try (Connection c = TestInfrastructure.superuser();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> actionsOf(UUID goalId, int count) {
        return KAFKA.await(Topics.AGENT_ACTIONS, count, r -> goalId.toString().equals(r.key()));
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }

    private static String seenVerdict(UUID claimId) throws Exception {
        try (Connection c = TestInfrastructure.superuser();
                PreparedStatement query = c.prepareStatement(
                        "SELECT verdict FROM ideation.reviews_seen WHERE claim_id = ?")) {
            query.setObject(1, claimId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static RequestSpecification withToken(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }
}
