package org.alignlab.ideation.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.contracts.json.Json;

/**
 * Reads the model's reply: one JSON object {@code {"proposals": [...]}}, possibly wrapped in a Markdown code fence.
 * Each proposal is checked on its own, so one bad idea costs only its own slot.
 */
public final class LlmReplyParser {

    static final Set<String> DIRECTIONS = Set.of("increase", "decrease");
    static final int MAX_HYPOTHESIS_CHARS = 1000;

    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    /** One proposal as the model wrote it; {@code problems} is empty when its shape is right. */
    public record Candidate(Map<String, Object> params, String hypothesis, String direction, String metric,
            List<String> problems) {

        public boolean wellFormed() {
            return problems.isEmpty();
        }
    }

    private LlmReplyParser() {
    }

    /** The reply's proposals, in order; throws when the reply as a whole is not the JSON asked for. */
    public static List<Candidate> parse(String reply) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new InvalidLlmReplyException("the reply holds no JSON object");
        }
        JsonNode root;
        try {
            root = Json.parse(reply.substring(start, end + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidLlmReplyException("the reply is not valid JSON: " + e.getMessage());
        }
        JsonNode proposals = root.path("proposals");
        if (!proposals.isArray()) {
            throw new InvalidLlmReplyException("the reply has no \"proposals\" array");
        }
        List<Candidate> candidates = new ArrayList<>();
        proposals.forEach(node -> candidates.add(candidate(node)));
        return candidates;
    }

    private static Candidate candidate(JsonNode node) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> params = Map.of();
        if (node.path("params").isObject()) {
            params = Json.mapper().convertValue(node.get("params"), PARAMS);
        } else {
            problems.add("\"params\" is not an object");
        }
        String hypothesis = text(node, "hypothesis");
        if (hypothesis.isBlank() || hypothesis.length() > MAX_HYPOTHESIS_CHARS) {
            problems.add("\"hypothesis\" must be 1 to " + MAX_HYPOTHESIS_CHARS + " characters");
        }
        String direction = text(node, "direction");
        if (!DIRECTIONS.contains(direction)) {
            problems.add("\"direction\" must be one of " + DIRECTIONS);
        }
        String metric = text(node, "metric");
        if (!metric.matches("[A-Za-z0-9_.-]{1,100}")) {
            problems.add("\"metric\" must name one metric");
        }
        return new Candidate(params, hypothesis, direction, metric, List.copyOf(problems));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText().strip() : "";
    }
}
