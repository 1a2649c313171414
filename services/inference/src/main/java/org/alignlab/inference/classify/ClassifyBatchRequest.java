package org.alignlab.inference.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.inference.http.SingleFieldBody;

/**
 * The body of a batch classification, {@code {"texts": ["...", ...]}}, read by hand like {@link ClassifyRequest}:
 * every way it can be wrong becomes a 400 naming the field, {@code texts} or the offending item ({@code texts[3]}).
 *
 * @param texts what to classify, in order; for the trusted monitor, the canonical JSON of agent actions
 */
public record ClassifyBatchRequest(List<String> texts) {

    static final String TEXTS = "texts";

    /** Reads and checks a request body: 1 to {@code maxTexts} texts, each a non-blank string of at most {@code maxChars}. */
    static ClassifyBatchRequest read(String body, int maxTexts, int maxChars) {
        JsonNode texts = SingleFieldBody.read(body, TEXTS, "{\"texts\": [...]}");
        if (texts == null || texts.isNull()) {
            throw new InvalidRequestException(TEXTS, "is required");
        }
        if (!texts.isArray()) {
            throw new InvalidRequestException(TEXTS, "must be an array of strings");
        }
        if (texts.isEmpty()) {
            throw new InvalidRequestException(TEXTS, "must hold at least 1 text");
        }
        if (texts.size() > maxTexts) {
            throw new InvalidRequestException(TEXTS, "must hold at most " + maxTexts + " texts, not " + texts.size());
        }
        List<String> read = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonNode text = texts.get(i);
            String field = TEXTS + "[" + i + "]";
            if (!text.isTextual()) {
                throw new InvalidRequestException(field, "must be a string");
            }
            if (text.asText().isBlank()) {
                throw new InvalidRequestException(field, "must not be blank");
            }
            if (text.asText().length() > maxChars) {
                throw new InvalidRequestException(field, "must be at most " + maxChars + " characters");
            }
            read.add(text.asText());
        }
        return new ClassifyBatchRequest(List.copyOf(read));
    }
}
