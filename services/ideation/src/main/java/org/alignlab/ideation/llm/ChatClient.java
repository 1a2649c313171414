package org.alignlab.ideation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.alignlab.contracts.json.Json;

/**
 * One chat completion from an OpenAI-compatible server ({@code POST /v1/chat/completions}). No retry: a failed call
 * costs one round the model's ideas, not the round itself, because the search policy proposes instead.
 */
public class ChatClient {

    private static final String PATH = "/v1/chat/completions";
    /** Low, so a redelivered round would get much the same ideas; the store keeps the first answer anyway. */
    private static final double TEMPERATURE = 0.2;

    private final HttpClient http;
    private final URI endpoint;
    private final Optional<String> apiKey;
    private final String model;
    private final Duration timeout;

    public ChatClient(URI baseUrl, Optional<String> apiKey, String model, Duration timeout) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + PATH);
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The assistant's message content for a system and a user message. */
    public String complete(String system, String user) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("temperature", TEMPERATURE);
        body.putArray("messages")
                .add(Json.mapper().createObjectNode().put("role", "system").put("content", system))
                .add(Json.mapper().createObjectNode().put("role", "user").put("content", user));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LlmUnavailableException("no answer from " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmUnavailableException("interrupted while waiting for " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new LlmUnavailableException(endpoint + " answered HTTP " + response.statusCode());
        }
        JsonNode content;
        try {
            content = Json.parse(response.body()).path("choices").path(0).path("message").path("content");
        } catch (IllegalArgumentException e) {
            throw new LlmUnavailableException(endpoint + " answered with a body that is not JSON", e);
        }
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new LlmUnavailableException(endpoint + " answered without message content");
        }
        return content.asText();
    }
}
