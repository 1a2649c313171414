package org.alignlab.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.contracts.json.Json;

/**
 * The inference service's batch classify endpoint as the monitor sees it over HTTP, for the monitor's own tests: the
 * real service needs its DJL model and runs in the end-to-end test. Answers like the real one ({@code {"texts":
 * [...]}} → {@code {"model", "version", "results": [{"probabilities": ...}, ...]}}), requires the configured
 * bearer token, and can be told to score by a marker in the action's text ({@code model-says-0.42}), to fail, or to
 * be too slow.
 */
public class TrustedModelStandIn implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "stand-in-service-token";
    /** Hypothesis markers: an action whose text contains one gets that attack probability. */
    static final String MARK_HOLD = "model-says-0.97";
    static final String MARK_DEFER = "model-says-0.6";
    static final double BENIGN = 0.02;
    private static final Pattern MARK = Pattern.compile("model-says-([01](?:\\.\\d+)?)");
    private static final AtomicLong ANSWERED = new AtomicLong();
    private static final AtomicLong REQUESTS = new AtomicLong();

    enum Mode {
        ANSWER, FAIL_503, TOO_SLOW
    }

    private static volatile Mode mode = Mode.ANSWER;
    private HttpServer server;

    static void mode(Mode newMode) {
        mode = newMode;
    }

    /** How many texts (actions) were answered with a score so far, alone or in a batch. */
    static long answered() {
        return ANSWERED.get();
    }

    /** How many classify requests came so far, whatever they were answered. */
    static long requests() {
        return REQUESTS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/classify/trusted-monitor/batch", TrustedModelStandIn::classifyBatch);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return Map.of(
                "alignlab.monitor.trusted-model.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "alignlab.monitor.trusted-model.token", TOKEN);
    }

    private static void classifyBatch(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.incrementAndGet();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
            return;
        }
        switch (mode) {
            case FAIL_503 -> respond(exchange, 503, "{\"title\":\"model not loaded\"}");
            case TOO_SLOW -> {
                sleep(6_000);
                respond(exchange, 200, "{\"model\":\"trusted-monitor\",\"version\":\"standin00001\",\"results\":[]}");
            }
            case ANSWER -> {
                List<String> results = new ArrayList<>();
                for (JsonNode text : Json.parse(body).path("texts")) {
                    Matcher mark = MARK.matcher(text.asText());
                    results.add("{\"probabilities\":" + probabilities(mark.find()
                            ? Double.parseDouble(mark.group(1)) : BENIGN) + "}");
                }
                ANSWERED.addAndGet(results.size());
                respond(exchange, 200, "{\"model\":\"trusted-monitor\",\"version\":\"standin00001\",\"results\":["
                        + String.join(",", results) + "]}");
            }
        }
    }

    private static String probabilities(double attack) {
        return "{\"benign\":" + (1 - attack) + ",\"attack\":" + attack + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
