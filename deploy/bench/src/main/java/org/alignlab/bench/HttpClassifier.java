package org.alignlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The monitor's call to inference, {@code POST /v1/classify/trusted-monitor} with a {@code service} token, over one
 * HTTP/1.1 client whose kept-alive connections the load threads share, as the monitor's REST client does.
 */
final class HttpClassifier {

    static final String MODEL = "trusted-monitor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String serviceToken;
    private final String operatorToken;

    HttpClassifier(URI base, String serviceToken, String operatorToken) {
        this.base = base;
        this.serviceToken = serviceToken;
        this.operatorToken = operatorToken;
    }

    URI base() {
        return base;
    }

    /** The request body for {@code text}: {@code {"text": ...}}. */
    static String body(String text) {
        try {
            return JSON.writeValueAsString(Map.of("text", text));
        } catch (IOException e) {
            throw new BenchException("cannot encode a classify body", e);
        }
    }

    /** True for a 200; false for any other answer (a 503 from a full queue, say). */
    boolean classify(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/classify/" + MODEL))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + serviceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /**
     * Rows and forward passes the model has run so far, from {@code alignlab_inference_batch_size_sum} and
     * {@code _count} in {@code /q/metrics}.
     */
    long[] rowsAndPasses() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + operatorToken).GET().build();
        String metrics = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return new long[] {sample(metrics, "alignlab_inference_batch_size_sum"),
                sample(metrics, "alignlab_inference_batch_size_count")};
    }

    private static long sample(String metrics, String name) {
        String prefix = name + "{model=\"" + MODEL + "\"} ";
        List<String> lines = metrics.lines().filter(line -> line.startsWith(prefix)).toList();
        // The value is the first field after the labels; an OpenMetrics exemplar may follow it.
        return lines.isEmpty() ? 0
                : (long) Double.parseDouble(lines.get(0).substring(prefix.length()).strip().split("\\s+")[0]);
    }
}
