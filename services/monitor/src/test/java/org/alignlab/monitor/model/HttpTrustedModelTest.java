package org.alignlab.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.Json;
import org.alignlab.monitor.TestActions;
import org.alignlab.monitor.config.MonitorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client that once leaked a request slot per action it could not encode: with its eight slots gone, the gate
 * waited for ever and no action was decided again (issue 13, "one record halts the gate for good"). And the batch
 * call (issue 15): one request per {@code max-batch-size} actions, scores back in order, and an outage of any kind
 * leaves every action it concerns UNAVAILABLE.
 */
class HttpTrustedModelTest {

    private static final int SLOTS = 2;
    private static final Pattern MARKER = Pattern.compile("score-(\\d)");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // Nothing listens here: a request that is sent fails fast as unavailable.
    private final HttpTrustedModel model = new HttpTrustedModel(config("http://127.0.0.1:9", Duration.ofSeconds(2),
            256), meters, "gate");
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anActionThatCannotBeEncodedIsUnavailableAndGivesItsSlotBack() {
        AgentAction poison = withParam(TestActions.demo(), "n", new BigInteger("9".repeat(400)));

        for (int i = 0; i < 3 * SLOTS; i++) {
            List<ModelScore> scores = model.scoreAll(List.of(poison));
            assertThat(scores).singleElement().satisfies(score -> {
                assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE);
                assertThat(score.unavailableReason()).contains("canonical JSON");
            });
        }

        assertThat(model.freeSlots()).isEqualTo(SLOTS);
        assertThat(meters.counter(MetricNames.TRUSTED_MODEL_UNAVAILABLE, MetricNames.TAG_CLIENT, "gate").count())
                .isEqualTo(3.0 * SLOTS);
    }

    @Test
    void everyRequestGivesItsSlotBackWhenTheModelCannotBeReached() {
        List<AgentAction> batch = List.of(TestActions.demo(), TestActions.demo(), TestActions.demo(),
                TestActions.demo(), TestActions.demo());

        assertThat(model.scoreAll(batch))
                .allSatisfy(score -> assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE));
        assertThat(model.freeSlots()).isEqualTo(SLOTS);
    }

    @Test
    void aBatchIsOneRequestAndItsScoresComeBackInOrder() throws IOException {
        HttpTrustedModel batched = serving(200, this::scoreByMarker, 256, Duration.ofSeconds(2));
        List<AgentAction> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(withParam(TestActions.demo(), "marker", "score-" + (i % 10)));
        }

        List<ModelScore> scores = batched.scoreAll(batch);

        assertThat(requests.get()).isEqualTo(1);
        assertThat(bodies).singleElement().satisfies(body -> assertThat(Json.parse(body).path("texts")).hasSize(40));
        for (int i = 0; i < 40; i++) {
            assertThat(scores.get(i).status()).isEqualTo(ModelScore.Status.SCORED);
            assertThat(scores.get(i).attackProbability()).isEqualTo((i % 10) / 10.0);
            assertThat(scores.get(i).modelVersion()).isEqualTo("test00000001");
        }
        assertThat(batched.freeSlots()).isEqualTo(SLOTS);
    }

    @Test
    void aBatchLargerThanTheMaximumIsSplitIntoRequestsOfAtMostThatMany() throws IOException {
        HttpTrustedModel batched = serving(200, this::scoreByMarker, 3, Duration.ofSeconds(2));
        List<AgentAction> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(withParam(TestActions.demo(), "marker", "score-" + i));
        }

        List<ModelScore> scores = batched.scoreAll(batch);

        assertThat(requests.get()).isEqualTo(3);
        assertThat(bodies).extracting(body -> Json.parse(body).path("texts").size())
                .containsExactlyInAnyOrder(3, 3, 1);
        assertThat(scores).extracting(ModelScore::attackProbability)
                .containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
    }

    @Test
    void anActionThatCannotBeEncodedIsHeldAndTheRestOfItsBatchIsScored() throws IOException {
        HttpTrustedModel batched = serving(200, this::scoreByMarker, 256, Duration.ofSeconds(2));
        AgentAction poison = withParam(TestActions.demo(), "n", new BigInteger("9".repeat(400)));
        List<ModelScore> scores = batched.scoreAll(List.of(withParam(TestActions.demo(), "marker", "score-3"), poison,
                withParam(TestActions.demo(), "marker", "score-5")));

        assertThat(requests.get()).isEqualTo(1);
        assertThat(scores).extracting(ModelScore::status).containsExactly(ModelScore.Status.SCORED,
                ModelScore.Status.UNAVAILABLE, ModelScore.Status.SCORED);
        assertThat(scores.get(0).attackProbability()).isEqualTo(0.3);
        assertThat(scores.get(2).attackProbability()).isEqualTo(0.5);
    }

    @Test
    void aBatchWithNoAnswerInTimeLeavesEveryActionUnavailable() throws IOException {
        HttpTrustedModel slow = serving(200, body -> {
            sleep(1_500);
            return scoreByMarker(body);
        }, 256, Duration.ofMillis(300));
        List<AgentAction> batch = List.of(TestActions.demo(), TestActions.demo(), TestActions.demo());

        assertThat(slow.scoreAll(batch)).hasSize(3).allSatisfy(score -> {
            assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE);
            assertThat(score.unavailableReason()).contains("no answer within 300 ms");
        });
        assertThat(requests.get()).isEqualTo(1);
        assertThat(slow.freeSlots()).isEqualTo(SLOTS);
        assertThat(meters.counter(MetricNames.TRUSTED_MODEL_UNAVAILABLE, MetricNames.TAG_CLIENT, "gate").count())
                .isEqualTo(3.0);
    }

    @Test
    void aServerErrorOrAnAnswerThatDoesNotMatchTheBatchScoresNoneOfIt() throws IOException {
        List<AgentAction> batch = List.of(TestActions.demo(), TestActions.demo(), TestActions.demo());
        Map<String, Integer> statuses = Map.of("HTTP 503", 503, "2 results for 3 actions", 200,
                "not JSON", 200, "probabilities.attack", 200);
        for (Map.Entry<String, Integer> outage : statuses.entrySet()) {
            String reason = outage.getKey();
            HttpTrustedModel batched = serving(outage.getValue(), body -> switch (reason) {
                case "2 results for 3 actions" -> "{\"version\":\"v\",\"results\":[" + result(0.1) + ","
                        + result(0.1) + "]}";
                case "not JSON" -> "{{";
                case "probabilities.attack" -> "{\"version\":\"v\",\"results\":[" + result(0.1) + ","
                        + result(1.5) + "," + result(0.1) + "]}";
                default -> "{\"title\":\"model not loaded\"}";
            }, 256, Duration.ofSeconds(2));

            List<ModelScore> scores = batched.scoreAll(batch);

            if (reason.equals("probabilities.attack")) {
                // One bad item holds that action only: the others' scores are well-formed and in place.
                assertThat(scores).extracting(ModelScore::status).containsExactly(ModelScore.Status.SCORED,
                        ModelScore.Status.UNAVAILABLE, ModelScore.Status.SCORED);
                assertThat(scores.get(1).unavailableReason()).contains(reason);
            } else {
                assertThat(scores).as(reason).allSatisfy(score -> {
                    assertThat(score.status()).isEqualTo(ModelScore.Status.UNAVAILABLE);
                    assertThat(score.unavailableReason()).contains(reason);
                });
            }
            assertThat(batched.freeSlots()).isEqualTo(SLOTS);
            stopServer();
        }
    }

    /** A classify-batch endpoint that answers {@code status} with what {@code answer} makes of the request body. */
    private HttpTrustedModel serving(int status, Function<String, String> answer, int maxBatchSize, Duration timeout)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/classify/trusted-monitor/batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            bodies.add(body);
            byte[] bytes = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // The client gave up (timeout): nothing to answer.
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return new HttpTrustedModel(config("http://127.0.0.1:" + server.getAddress().getPort(), timeout,
                maxBatchSize), meters, "gate");
    }

    /** Each text's score from its {@code score-N} marker: N / 10. */
    private String scoreByMarker(String body) {
        List<String> results = new ArrayList<>();
        for (JsonNode text : Json.parse(body).path("texts")) {
            Matcher marker = MARKER.matcher(text.asText());
            results.add(result(marker.find() ? Integer.parseInt(marker.group(1)) / 10.0 : 0.0));
        }
        return "{\"model\":\"trusted-monitor\",\"version\":\"test00000001\",\"results\":["
                + String.join(",", results) + "]}";
    }

    private static String result(double attack) {
        return "{\"probabilities\":{\"benign\":" + (1 - attack) + ",\"attack\":" + attack + "}}";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AgentAction withParam(AgentAction action, String name, Object value) {
        Map<String, Object> params = new HashMap<>(action.spec().params());
        params.put(name, value);
        ExperimentSpec spec = action.spec();
        return new AgentAction(action.id(), action.goalId(), action.round(), action.agent(), action.policy(),
                action.type(), action.parentActionId(), action.hypothesis(), new ExperimentSpec(spec.family(), params,
                        spec.seeds(), spec.split(), spec.resources(), spec.script()),
                action.createdAt());
    }

    private static MonitorConfig.TrustedModel config(String url, Duration timeout, int maxBatchSize) {
        return new MonitorConfig.TrustedModel() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String model() {
                return "trusted-monitor";
            }

            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public int maxConcurrentRequests() {
                return SLOTS;
            }

            @Override
            public int maxBatchSize() {
                return maxBatchSize;
            }
        };
    }
}
