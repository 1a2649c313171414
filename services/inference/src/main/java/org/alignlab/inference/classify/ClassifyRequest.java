package org.alignlab.inference.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import org.alignlab.contracts.problem.InvalidRequestException;

/**
 * The body of a classification, {@code {"text": "..."}}, read by hand: every way it can be wrong becomes a 400 that
 * names the field, including what a JSON binder would let through (a number coerced to a string, unknown fields).
 *
 * @param text what to classify; for the trusted monitor, the canonical JSON of an agent action
 */
public record ClassifyRequest(String text) {

    static final String BODY = "body";
    static final String TEXT = "text";

    /** Trailing content and repeated fields are refused: the text classified must be the one text sent. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads and checks a request body. */
    static ClassifyRequest read(String body, int maxChars) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(BODY, "a JSON object {\"text\": ...} is required");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(BODY, "not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidRequestException(BODY, "must be a JSON object {\"text\": ...}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!TEXT.equals(name)) {
                throw new InvalidRequestException(name, "unknown field");
            }
        }
        JsonNode text = json.get(TEXT);
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
