package org.alignlab.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.alignlab.contracts.json.Json;

/**
 * An OpenAI-compatible chat endpoint ({@code POST /v1/chat/completions}) on a free local port whose answers a test
 * scripts: the research agent's language model is the one part of a goal the platform does not own. It keeps every
 * user message it was sent, so a test can check what the agent was shown.
 */
final class ChatStub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> prompts = new CopyOnWriteArrayList<>();

    /** @param answer the assistant's reply to a user message */
    ChatStub(UnaryOperator<String> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> reply(exchange, answer));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }

    private void reply(HttpExchange exchange, UnaryOperator<String> answer) throws IOException {
        try (exchange) {
            JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String prompt = "";
            for (JsonNode message : request.path("messages")) {
                if ("user".equals(message.path("role").asText())) {
                    prompt = message.path("content").asText();
                }
            }
            prompts.add(prompt);
            ObjectNode body = Json.mapper().createObjectNode();
            body.putArray("choices").addObject().putObject("message")
                    .put("role", "assistant").put("content", answer.apply(prompt));
            byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
