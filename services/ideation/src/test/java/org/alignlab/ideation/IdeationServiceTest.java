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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.SpanAttributes;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.TestInfrastructure;
import org.alignlab.infra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
class IdeationServiceTest {

    private static final KafkaProbe KAFKA = new KafkaProbe();

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
        assertThat(action.policy()).isEqualTo("default-spec");
        assertThat(action.type()).isEqualTo(ActionType.RUN_EXPERIMENT);
        assertThat(action.hypothesis()).contains(round.question());
        assertThat(action.spec().family()).isEqualTo("weak-to-strong");
        assertThat(action.spec().split()).isEqualTo(Split.VALIDATION);
        assertThat(action.spec().params()).isEmpty();
        assertThat(action.spec().seeds()).containsExactly(1, 2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> action.id().toString().equals(attribute(span, SpanAttributes.ACTION_ID)))
                .anySatisfy(span -> {
                    assertThat(attribute(span, SpanAttributes.GOAL_ID)).isEqualTo(round.goalId().toString());
                    assertThat(attribute(span, SpanAttributes.AGENT)).isEqualTo("ideation");
                }));
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_actions_proposed_total{")
                        && line.contains("policy=\"default-spec\""));
    }

    @Test
    void redeliveredRoundRepublishesTheStoredActionWithTheSameId() throws Exception {
        RoundRequested round = round(UUID.randomUUID(), 1, "weak-to-strong", 3);
        String payload = EventCodec.encode(round);

        KAFKA.send(Topics.RESEARCH_ROUNDS, round.goalId().toString(), payload);
        UUID firstId = EventCodec.decode(actionsOf(round.goalId(), 1).get(0).value(), AgentAction.class).id();
        KAFKA.send(Topics.RESEARCH_ROUNDS, round.goalId().toString(), payload);

        List<ConsumerRecord<String, String>> both = actionsOf(round.goalId(), 2);
        assertThat(both).extracting(r -> EventCodec.decode(r.value(), AgentAction.class).id())
                .containsExactly(firstId, firstId);
        withToken(Roles.RESEARCHER).queryParam("goalId", round.goalId().toString()).get("/api/proposals")
                .then().statusCode(200)
                .body("$", hasSize(1))
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

    @Test
    void readyWhenKafkaAndTheDatabaseAre() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static RoundRequested round(UUID goalId, int number, String family, int experimentsLeft) {
        return new RoundRequested(goalId, number, family, "Question " + UUID.randomUUID(),
                new Budget(experimentsLeft, 3000, 3, 3600), List.of());
    }

    private static List<ConsumerRecord<String, String>> actionsOf(UUID goalId, int count) {
        return KAFKA.await(Topics.AGENT_ACTIONS, count, r -> goalId.toString().equals(r.key()));
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }

    private static String seenVerdict(UUID claimId) throws Exception {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), PostgresServer.USER, "");
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
