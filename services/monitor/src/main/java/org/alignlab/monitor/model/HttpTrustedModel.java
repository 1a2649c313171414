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
import java.util.List;
import java.util.Map;
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
 * Asks the inference service's text classifier ({@code POST /v1/classify/{model}}) for the probability that an
 * action is an attack. The text is the action's canonical JSON, the same text the model was trained on. Every
 * failure (an action that cannot be encoded, a refused connection, timeout, 401, 503, a malformed answer) becomes an
 * UNAVAILABLE score, which the control protocol holds for a human; a request slot taken is given back on every path.
 * The gate and control evaluation each have their own client ({@link TrustedModels}), so an evaluation can never
 * take the gate's slots.
 */
public class HttpTrustedModel implements TrustedModel {

    private static final Logger LOG = Logger.getLogger(HttpTrustedModel.class);

    private final MonitorConfig.TrustedModel config;
    private final HttpClient client;
    /** Caps the requests in flight, so a batch of 500 actions queues here rather than swamping inference. */
    private final Semaphore inFlight;
    private final URI endpoint;
    private final Counter unavailable;

    /** @param client the tag of this client's {@code trusted_model_unavailable} counter: who asked */
    HttpTrustedModel(MonitorConfig.TrustedModel config, MeterRegistry meters, String client) {
        this.config = config;
        this.unavailable = meters.counter(MetricNames.TRUSTED_MODEL_UNAVAILABLE, MetricNames.TAG_CLIENT, client);
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        this.inFlight = new Semaphore(this.config.maxConcurrentRequests());
        this.endpoint = URI.create(this.config.url().replaceAll("/+$", "") + "/v1/classify/" + this.config.model());
    }

    /** Request slots free now; all of them whenever no request is in flight. */
    int freeSlots() {
        return inFlight.availablePermits();
    }

    @Override
    public List<ModelScore> scoreAll(List<AgentAction> actions) {
        if (!config.enabled()) {
            return actions.stream().map(action -> ModelScore.disabled()).toList();
        }
        List<CompletableFuture<ModelScore>> pending = actions.stream().map(this::askWhenASlotIsFree).toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Waits for a free slot first: each request's timeout then counts from when it is actually sent. */
    private CompletableFuture<ModelScore> askWhenASlotIsFree(AgentAction action) {
        String body;
        try {
            body = Json.write(Map.of("text", new String(CanonicalJson.bytes(action), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // Before a slot is taken: an action the model cannot be shown is held, and nothing is left to release.
            return CompletableFuture.completedFuture(unavailable(action, "the action cannot be put in canonical JSON: "
                    + e.getClass().getSimpleName()));
        }
        inFlight.acquireUninterruptibly();
        try {
            return ask(action, body).whenComplete((score, failure) -> inFlight.release());
        } catch (RuntimeException e) {
            inFlight.release();
            return CompletableFuture.completedFuture(unavailable(action, "the request could not be sent: "
                    + e.getClass().getSimpleName()));
        }
    }

    private CompletableFuture<ModelScore> ask(AgentAction action, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure != null
                        ? unavailable(action, describe(failure))
                        : read(action, response));
    }

    private ModelScore read(AgentAction action, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return unavailable(action, "inference answered HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = Json.parse(response.body());
            JsonNode attack = answer.path("probabilities").path("attack");
            double probability = attack.asDouble(Double.NaN);
            if (!attack.isNumber() || !(probability >= 0 && probability <= 1)) {
                return unavailable(action, "inference answered without probabilities.attack in [0, 1]");
            }
            return ModelScore.of(probability, answer.path("version").asText(null));
        } catch (IllegalArgumentException e) {
            return unavailable(action, "inference answered something that is not JSON");
        }
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
