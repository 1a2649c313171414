package org.alignlab.monitor.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.alignlab.contracts.MetricNames;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Json;
import org.alignlab.monitor.config.MonitorConfig;
import org.jboss.logging.Logger;

/**
 * Asks the inference service's text classifier ({@code POST /v1/classify/{model}/batch}) for the probability that
 * each action of a batch is an attack: one request per {@code max-batch-size} actions (and at most
 * {@value #MAX_BODY_CHARS} characters of body), each one forward pass in inference, instead of one request per
 * action. The text is the action's canonical JSON, the same text the model was trained on. Every failure (an action
 * that cannot be encoded, a refused connection, timeout, 401, 503, a malformed answer) becomes an UNAVAILABLE score
 * for every action it concerns, which the control protocol holds for a human; a request slot taken is given back on
 * every path. The gate and control evaluation each have their own client ({@link TrustedModels}), so an evaluation
 * can never take the gate's slots.
 */
public class HttpTrustedModel implements TrustedModel {

    private static final Logger LOG = Logger.getLogger(HttpTrustedModel.class);
    /**
     * The most characters of JSON one request carries, so a batch of actions with large scripts is split well below
     * inference's body limit (Quarkus' 10 MiB: 2 Mi characters are at most 6 MiB of UTF-8). A single action larger
     * than this (an event is at most 1 MiB) still goes, alone.
     */
    static final int MAX_BODY_CHARS = 2 << 20;

    private final MonitorConfig.TrustedModel config;
    private final HttpClient client;
    /** Caps the requests in flight, so a burst of batches queues here rather than swamping inference. */
    private final Semaphore inFlight;
    private final URI endpoint;
    private final Counter unavailable;

    /** One request's share of a batch: the actions and their texts, already encoded as JSON strings. */
    private record Chunk(List<Integer> indexes, List<String> encodedTexts) {
    }

    /** @param client the tag of this client's {@code trusted_model_unavailable} counter: who asked */
    HttpTrustedModel(MonitorConfig.TrustedModel config, MeterRegistry meters, String client) {
        this.config = config;
        this.unavailable = meters.counter(MetricNames.TRUSTED_MODEL_UNAVAILABLE, MetricNames.TAG_CLIENT, client);
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        this.inFlight = new Semaphore(this.config.maxConcurrentRequests());
        this.endpoint = URI.create(this.config.url().replaceAll("/+$", "") + "/v1/classify/" + this.config.model()
                + "/batch");
        if (config.maxBatchSize() < 1) {
            throw new IllegalArgumentException("alignlab.monitor.trusted-model.max-batch-size must be at least 1");
        }
    }

    /** Request slots free now; all of them whenever no request is in flight. */
    int freeSlots() {
        return inFlight.availablePermits();
    }

    @Override
    public List<ModelScore> scoreAll(List<AgentAction> actions) {
        return scoreAllAsync(actions).join();
    }

    /**
     * Sends the batch's requests (waiting only for free request slots) and returns at once; the future completes
     * when every request was answered or failed, and never fails itself.
     */
    @Override
    public CompletableFuture<List<ModelScore>> scoreAllAsync(List<AgentAction> actions) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(actions.stream().map(action -> ModelScore.disabled()).toList());
        }
        ModelScore[] scores = new ModelScore[actions.size()];
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Chunk chunk : chunks(actions, scores)) {
            pending.add(askWhenASlotIsFree(actions, chunk).thenAccept(answers -> {
                for (int i = 0; i < answers.size(); i++) {
                    scores[chunk.indexes().get(i)] = answers.get(i);
                }
            }));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((done, failure) -> {
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] == null) {
                    // Cannot happen: every path above scores its actions. Should it, the action is held, never allowed.
                    scores[i] = unavailable(actions.get(i), "no score was recorded for it");
                }
            }
            return Arrays.asList(scores);
        });
    }

    /**
     * The encodable actions in order, cut into requests of at most {@code max-batch-size} actions and
     * {@value #MAX_BODY_CHARS} characters; an action that cannot be encoded gets its UNAVAILABLE score here.
     */
    private List<Chunk> chunks(List<AgentAction> actions, ModelScore[] scores) {
        List<Chunk> chunks = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < actions.size(); i++) {
            String encoded;
            try {
                encoded = Json.write(new String(CanonicalJson.bytes(actions.get(i)), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // Before a slot is taken: an action the model cannot be shown is held, and nothing is left to release.
                scores[i] = unavailable(actions.get(i), "the action cannot be put in canonical JSON: "
                        + e.getClass().getSimpleName());
                continue;
            }
            if (!indexes.isEmpty() && (indexes.size() == config.maxBatchSize()
                    || chars + encoded.length() + 1 > MAX_BODY_CHARS)) {
                chunks.add(new Chunk(indexes, texts));
                indexes = new ArrayList<>();
                texts = new ArrayList<>();
                chars = 0;
            }
            indexes.add(i);
            texts.add(encoded);
            chars += encoded.length() + 1;
        }
        if (!indexes.isEmpty()) {
            chunks.add(new Chunk(indexes, texts));
        }
        return chunks;
    }

    /** Waits for a free slot first: each request's timeout then counts from when it is actually sent. */
    private CompletableFuture<List<ModelScore>> askWhenASlotIsFree(List<AgentAction> actions, Chunk chunk) {
        List<AgentAction> asked = chunk.indexes().stream().map(actions::get).toList();
        String body = "{\"texts\":[" + String.join(",", chunk.encodedTexts()) + "]}";
        inFlight.acquireUninterruptibly();
        try {
            return ask(asked, body).whenComplete((scores, failure) -> inFlight.release());
        } catch (RuntimeException e) {
            inFlight.release();
            return CompletableFuture.completedFuture(unavailable(asked, "the request could not be sent: "
                    + e.getClass().getSimpleName()));
        }
    }

    private CompletableFuture<List<ModelScore>> ask(List<AgentAction> asked, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return unavailable(asked, describe(failure));
                    }
                    try {
                        return read(asked, response);
                    } catch (RuntimeException e) {
                        return unavailable(asked, "inference's answer could not be read: "
                                + e.getClass().getSimpleName());
                    }
                });
    }

    /** One score per asked action, in order; an answer that cannot be matched to the actions scores none of them. */
    private List<ModelScore> read(List<AgentAction> asked, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return unavailable(asked, "inference answered HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            return unavailable(asked, "inference answered something that is not JSON");
        }
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.size() != asked.size()) {
            return unavailable(asked, "inference answered " + (results.isArray() ? results.size() : "no")
                    + " results for " + asked.size() + " actions");
        }
        String version = answer.path("version").asText(null);
        List<ModelScore> scores = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            JsonNode attack = results.get(i).path("probabilities").path("attack");
            double probability = attack.asDouble(Double.NaN);
            scores.add(attack.isNumber() && probability >= 0 && probability <= 1
                    ? ModelScore.of(probability, version)
                    : unavailable(asked.get(i), "inference answered without probabilities.attack in [0, 1]"));
        }
        return scores;
    }

    private List<ModelScore> unavailable(List<AgentAction> asked, String reason) {
        return asked.stream().map(action -> unavailable(action, reason)).toList();
    }

    private ModelScore unavailable(AgentAction action, String reason) {
        LOG.warnf("trusted model gave no score for action %s: %s; the action will be held", action.id(), reason);
        unavailable.increment();
        return ModelScore.unavailable(reason);
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException
                || cause instanceof HttpTimeoutException) {
            return "no answer within " + format(config.timeout());
        }
        return "cannot reach " + endpoint + ": " + cause.getClass().getSimpleName();
    }

    private static String format(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
