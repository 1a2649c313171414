package org.alignlab.orchestrator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.ResourceUsage;
import org.alignlab.contracts.events.ResultAnomaly;
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
import org.alignlab.testing.TestProducers;
import org.alignlab.testing.TestTokens;

/**
 * What the orchestrator's API tests share: one researcher calling the API, and the test playing ideation, the
 * monitor, the executor and review on the real topics. Each test makes its own researcher ({@link #newResearcher}),
 * so it sees only its own goals and the per-researcher limit of running goals never counts another test's.
 */
final class GoalApi {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String QUESTION = "How much of the gap does a weak supervisor recover?";
    static final Duration EVENTUALLY = Duration.ofSeconds(30);
    static final KafkaProbe KAFKA = TestInfrastructure.kafkaProbe();
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String subject;
    private final String token;

    private GoalApi(String subject) {
        this.subject = subject;
        this.token = TestTokens.forUser(subject, Roles.RESEARCHER);
    }

    /** A researcher no other test is. */
    static GoalApi newResearcher() {
        return new GoalApi("researcher-" + UUID.randomUUID());
    }

    String subject() {
        return subject;
    }

    /** A request as this researcher. */
    RequestSpecification researcher() {
        return given().auth().oauth2(token);
    }

    /** The goal's report once the goal has ended with {@code status}, which the report states too. */
    ValidatableResponse endedReport(UUID goal, String status) {
        awaitStatus(goal, status);
        return researcher().get("/api/goals/{id}/report", goal).then().statusCode(200)
                .body("status", equalTo(status));
    }

    /** A request as the holder of {@code role} ({@code test-<role>}). */
    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role));
    }

    UUID createGoal(String budget, Integer roundTimeoutSeconds) {
        String timeout = roundTimeoutSeconds == null ? "" : ", \"roundTimeoutSeconds\": " + roundTimeoutSeconds;
        return UUID.fromString(researcher().contentType(ContentType.JSON)
                .body("""
                        {"question": "%s", "family": "weak-to-strong", "budget": %s%s}
                        """.formatted(QUESTION, budget, timeout))
                .post("/api/goals")
                .then().statusCode(201)
                .extract().path("id"));
    }

    UUID createGoal(int wallSeconds) {
        return createGoal("{\"wallSeconds\": " + wallSeconds + "}", null);
    }

    void awaitStatus(UUID goal, String status) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200)).untilAsserted(
                () -> researcher().get("/api/goals/{id}", goal).then().statusCode(200).body("status", equalTo(status)));
    }

    /**
     * Plays ideation, the monitor and the executor for a round's runs: every action and verdict first, then the
     * results, and returns once the orchestrator knows every action, so no review can settle the round early.
     *
     * @param runs each run's action id and its {@code auxLossAlpha}; a run's pgr grows with it
     */
    void runActions(UUID goal, int round, Map<UUID, Double> runs, String traceId) throws Exception {
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

    /** {@code POST /api/goals} with {@code body} is a 400 naming {@code field}. */
    ValidatableResponse assertInvalid(String body, String field) {
        return assertProblem(researcher().contentType(ContentType.JSON).body(body).post("/api/goals").then(), 400)
                .body("type", endsWith("/invalid-request"))
                .body("violations.field", hasItem(field));
    }

    record SseEvent(long id, String name, String data) {
    }

    /** Reads a goal's progress stream as this researcher until the server ends it. */
    List<SseEvent> readEvents(UUID goal, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/goals/" + goal + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static RoundRequested awaitRound(UUID goal, int round) {
        return EventCodec.decode(KAFKA.await(Topics.RESEARCH_ROUNDS, 1, r -> goal.toString().equals(r.key())
                && EventCodec.decode(r.value(), RoundRequested.class).round() == round, EVENTUALLY)
                .get(0).value(), RoundRequested.class);
    }

    /**
     * The rounds requested for a goal so far (the outbox sends at least once, so a round may be on the topic twice
     * after a crash: ideation decides it once).
     */
    static List<Integer> roundsRequested(UUID goal) {
        return KAFKA.readAll(Topics.RESEARCH_ROUNDS, r -> goal.toString().equals(r.key())).stream()
                .map(r -> EventCodec.decode(r.value(), RoundRequested.class).round())
                .toList();
    }

    /** The goal's rows in the orchestrator's outbox that the relay has sent (the broker acknowledged them). */
    static long roundsSentByTheOutbox(GoalRepository goals, UUID goal) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) goals.getEntityManager().createNativeQuery(
                "select count(*) from orchestrator.outbox where topic = ?1 and record_key = ?2"
                        + " and published_at is not null")
                .setParameter(1, Topics.RESEARCH_ROUNDS)
                .setParameter(2, goal.toString())
                .getSingleResult()).longValue());
    }

    static void publishVerdict(UUID goal, UUID action, Decision decision, String traceId) throws Exception {
        Verdict verdict = new Verdict(action, goal, decision, 0.05, List.of(), null, "skeleton-1", "monitor", null,
                7, "a".repeat(64), Instant.now(), null, null);
        KAFKA.send(Topics.MONITOR_VERDICTS, goal.toString(), EventCodec.encode(TestProducers.monitorSigned(verdict)),
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
    }

    static void publishAction(UUID goal, UUID action, int round, double auxLossAlpha) throws Exception {
        publishAction(goal, action, round, auxLossAlpha, "search/latin-hypercube",
                "auxLossAlpha 0 -> " + auxLossAlpha + " raises pgr");
    }

    static void publishAction(UUID goal, UUID action, int round, double auxLossAlpha, String policy,
            String hypothesis) throws Exception {
        KAFKA.send(Topics.AGENT_ACTIONS, goal.toString(), actionJson(goal, action, round, auxLossAlpha, policy,
                hypothesis));
    }

    /** A valid action as ideation would publish it (validated on encoding). */
    static String actionJson(UUID goal, UUID action, int round, double auxLossAlpha, String policy,
            String hypothesis) {
        AgentAction proposed = new AgentAction(action, goal, round, Agent.IDEATION, policy,
                ActionType.RUN_EXPERIMENT, null, hypothesis,
                new ExperimentSpec("weak-to-strong", Map.of("auxLossAlpha", auxLossAlpha), List.of(1, 2, 3),
                        Split.VALIDATION, new ResourceRequest(300, 1536, 300), null),
                Instant.now());
        return EventCodec.encode(proposed);
    }

    static void publishResult(UUID goal, UUID action, String traceId) throws Exception {
        publishResult(goal, action, traceId, Map.of("pgr", 0.42));
    }

    static void publishResult(UUID goal, UUID action, String traceId, Map<String, Double> metrics)
            throws Exception {
        Instant now = Instant.now();
        ExperimentResult result = new ExperimentResult(action, goal, ExperimentStatus.SUCCEEDED, null,
                metrics, List.of(new SeedMetrics(1, metrics)), now.minusSeconds(12), now,
                12000, new ResourceUsage(20.5, 410), new RunEnvironment("abc123", "0.36.0", "2.7.1"), "done",
                traceId, null, null);
        KAFKA.send(Topics.EXPERIMENT_RESULTS, goal.toString(), EventCodec.encode(TestProducers.executorSigned(result)));
    }

    static void publishReview(UUID goal, UUID action) throws Exception {
        publishReview(goal, action, "replicated on held-out seeds", List.of("replicated"));
    }

    static void publishReview(UUID goal, UUID action, String rationale, List<String> flags) throws Exception {
        Review review = new Review(goal, action, List.of(action), ReviewVerdict.ACCEPTED, 0.9, 0.3,
                List.of(0.2, 0.4), 0.01, 0.02, rationale, flags);
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    static void publishReview(UUID goal, UUID action, ReviewVerdict verdict, double effect)
            throws Exception {
        Review review = new Review(goal, action, List.of(action), verdict, verdict == ReviewVerdict.ACCEPTED ? 0.9
                : 0.1, effect, List.of(effect - 0.1, effect + 0.1), 0.01, 0.02, "judged on held-out seeds",
                List.of());
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    /** The review of {@link #publishReview(UUID, UUID)}, withdrawn because the action's result did not reproduce. */
    static void publishWithdrawal(UUID goal, UUID action) throws Exception {
        Review review = new Review(goal, action, List.of(action), ReviewVerdict.REJECTED, 0.0, 0.3,
                List.of(0.2, 0.4), 0.01, 0.02, "Withdrawn: the result of action " + action + " did not reproduce when "
                        + "the platform re-ran it.\nReview before the quarantine: replicated on held-out seeds",
                List.of("replicated", "result-quarantined"), List.of(action));
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    /** A review held for a human: the action's result is far outside earlier runs of its configuration. */
    static void publishHeldReview(UUID goal, UUID action) throws Exception {
        Review review = new Review(goal, action, List.of(action), ReviewVerdict.INCONCLUSIVE, 0.9, 0.3,
                List.of(0.2, 0.4), 0.01, 0.02, "Held for a human: the result of action " + action + " lies far outside "
                        + "earlier runs of its configuration.\nReview before the hold: ACCEPTED. replicated",
                List.of("replicated", "result-anomalous"), null,
                List.of(new ResultAnomaly(action, "pgr", 0.95, 0.5, 0.012, 5, 25, 37.5)));
        KAFKA.send(Topics.REVIEWS, goal.toString(), EventCodec.encode(review));
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    static long pixelsOf(byte[] png, Color colour) throws Exception {
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
}
