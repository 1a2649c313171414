package org.alignlab.inference.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import org.alignlab.contracts.json.JsonLimits;
import org.alignlab.contracts.problem.InvalidRequestException;

/**
 * A request body that is a JSON object with exactly one known field, read strictly: trailing content, repeated
 * fields, control characters and anything beyond the platform's JSON limits are refused, so what is served is exactly what was sent, and every way the body is wrong is a 400 naming
 * {@code body} or the offending field.
 */
public final class SingleFieldBody {

    public static final String BODY = "body";

    // The platform's limits (depth, number and string length, no control characters), as for every other body.
    private static final ObjectMapper JSON = JsonLimits.applyTo(new ObjectMapper());

    private SingleFieldBody() {
    }

    /**
     * @param shape how the object looks, for the messages, e.g. {@code {"text": ...}}
     * @return the field's value, or null when it is absent
     */
    public static JsonNode read(String body, String field, String shape) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(BODY, "a JSON object " + shape + " is required");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(BODY, "not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidRequestException(BODY, "must be a JSON object " + shape);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!field.equals(name)) {
                throw new InvalidRequestException(name, "unknown field");
            }
        }
        // A tree is not bound through the mapper's string deserializers, so its values are checked here.
        List<String> violations = JsonLimits.violations(json);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(field, String.join("; ", violations));
        }
        return json.get(field);
    }
}
