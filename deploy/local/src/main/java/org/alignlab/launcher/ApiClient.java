package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.alignlab.contracts.json.Json;

/** Calls to one service's public API with one person's bearer token, as that person would make them with curl. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    HttpClient http() {
        return http;
    }

    String token() {
        return token;
    }

    URI resolve(String path) {
        return base.resolve(path);
    }

    JsonNode json(HttpRequest.Builder request, int expectedStatus) throws IOException {
        return Json.mapper().readTree(text(request, expectedStatus));
    }

    /** @throws LauncherException naming the request and the server's answer when the status is not the expected one */
    String text(HttpRequest.Builder request, int expectedStatus) throws IOException {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new LauncherException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
