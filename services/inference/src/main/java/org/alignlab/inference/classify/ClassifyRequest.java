package org.alignlab.inference.classify;

import com.fasterxml.jackson.databind.JsonNode;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.inference.http.SingleFieldBody;

/**
 * The body of a classification, {@code {"text": "..."}}, read by hand: every way it can be wrong becomes a 400 that
 * names the field, including what a JSON binder would let through (a number coerced to a string, unknown fields).
 *
 * @param text what to classify; for the trusted monitor, the canonical JSON of an agent action
 */
public record ClassifyRequest(String text) {

    static final String TEXT = "text";

    /** Reads and checks a request body. */
    static ClassifyRequest read(String body, int maxChars) {
        JsonNode text = SingleFieldBody.read(body, TEXT, "{\"text\": ...}");
        if (text == null || text.isNull()) {
            throw new InvalidRequestException(TEXT, "is required");
        }
        if (!text.isTextual()) {
            throw new InvalidRequestException(TEXT, "must be a string");
        }
        if (text.asText().isBlank()) {
            throw new InvalidRequestException(TEXT, "must not be blank");
        }
        if (text.asText().length() > maxChars) {
            throw new InvalidRequestException(TEXT, "must be at most " + maxChars + " characters");
        }
        return new ClassifyRequest(text.asText());
    }
}
