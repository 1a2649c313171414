package org.alignlab.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.Review;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
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
class ReviewServiceTest {

    private static final KafkaProbe KAFKA = new KafkaProbe();

    @Test
    void succeededResultBecomesAValidInconclusiveReviewKeyedByGoal() throws Exception {
        ExperimentResult result = result(ExperimentStatus.SUCCEEDED, null);

        KAFKA.send(Topics.EXPERIMENT_RESULTS, result.goalId().toString(), EventCodec.encode(result));

        ConsumerRecord<String, String> record = reviewsOf(result.goalId(), 1).get(0);
        Review review = EventCodec.decode(record.value(), Review.class);
        assertThat(record.key()).isEqualTo(result.goalId().toString());
        assertThat(review.claimId()).isEqualTo(result.actionId());
        assertThat(review.actionIds()).containsExactly(result.actionId());
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.INCONCLUSIVE);
        assertThat(review.score()).isEqualTo(0.5);
        assertThat(review.flags()).containsExactly("single-run", "not-replicated");
        assertThat(review.effect()).isNull();
        assertThat(withToken(Roles.OPERATOR).get("/q/metrics").then().statusCode(200).extract().asString().lines())
                .anyMatch(line -> line.startsWith("alignlab_reviews_published_total{")
                        && line.contains("verdict=\"INCONCLUSIVE\""));
    }

    @Test
    void failedResultIsRejectedWithItsReason() throws Exception {
        ExperimentResult result = result(ExperimentStatus.FAILED, "exit code 3");

        KAFKA.send(Topics.EXPERIMENT_RESULTS, result.goalId().toString(), EventCodec.encode(result));

        Review review = EventCodec.decode(reviewsOf(result.goalId(), 1).get(0).value(), Review.class);
        assertThat(review.verdict()).isEqualTo(ReviewVerdict.REJECTED);
        assertThat(review.score()).isZero();
        assertThat(review.rationale()).contains("FAILED").contains("exit code 3");
        assertThat(review.flags()).containsExactly("run-failed");
    }

    @Test
    void duplicateResultRepublishesTheSameReviewAndIsStoredOnce() throws Exception {
        ExperimentResult result = result(ExperimentStatus.SUCCEEDED, null);
        String payload = EventCodec.encode(result);

        KAFKA.send(Topics.EXPERIMENT_RESULTS, result.goalId().toString(), payload);
        KAFKA.send(Topics.EXPERIMENT_RESULTS, result.goalId().toString(), payload);

        List<ConsumerRecord<String, String>> both = reviewsOf(result.goalId(), 2);
        assertThat(both).extracting(ConsumerRecord::value).containsExactly(both.get(0).value(), both.get(0).value());
        assertThat(EventCodec.decode(both.get(1).value(), Review.class).claimId()).isEqualTo(result.actionId());
        assertThat(count("review.results", result.goalId())).isEqualTo(1);
        withToken(Roles.RESEARCHER).queryParam("goalId", result.goalId().toString()).get("/api/reviews")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].claimId", equalTo(result.actionId().toString()));
    }

    @Test
    void invalidResultGoesToTheDeadLetterQueueWithItsReason() throws Exception {
        String payload = "{\"actionId\":\"" + UUID.randomUUID() + "\",\"status\":\"MAYBE\"}";

        KAFKA.send(Topics.EXPERIMENT_RESULTS, "bad", payload);

        ConsumerRecord<String, String> dead = KAFKA.await(Topics.dlq(Topics.EXPERIMENT_RESULTS), 1,
                r -> payload.equals(r.value())).get(0);
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).isNotNull().contains("invalid ExperimentResult");
    }

    @Test
    void reviewsNeedAGoalIdThatIsAUuid() {
        withToken(Roles.RESEARCHER).get("/api/reviews")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("goalId"));
    }

    @Test
    void readyWhenKafkaAndTheDatabaseAre() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static ExperimentResult result(ExperimentStatus status, String reason) {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        return new ExperimentResult(UUID.randomUUID(), UUID.randomUUID(), status, reason,
                Map.of("pgr", 0.41),
                List.of(new SeedMetrics(1, Map.of("pgr", 0.4)), new SeedMetrics(2, Map.of("pgr", 0.42))),
                start, start.plusSeconds(12), 12_000, new ResourceUsage(20.5, 900),
                new RunEnvironment("test", "0.36.0", "2.7.1"), "done", null);
    }

    private static List<ConsumerRecord<String, String>> reviewsOf(UUID goalId, int count) {
        return KAFKA.await(Topics.REVIEWS, count, r -> goalId.toString().equals(r.key()));
    }

    private static int count(String table, UUID goalId) throws Exception {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), PostgresServer.USER, "");
             PreparedStatement query = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE goal_id = ?")) {
            query.setObject(1, goalId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static RequestSpecification withToken(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }
}
