package org.alignlab.contracts.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The one JSON configuration for events: ISO-8601 times, no nulls on the wire, unknown fields rejected
 * (the schemas forbid them too, so a producer and a consumer can never silently disagree), and every parser limit of
 * {@link JsonLimits} on whatever it reads: nesting, number, string and name lengths, duplicate keys, trailing content.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Parses JSON from outside under {@link JsonLimits}: the parser's limits, then {@link JsonLimits#violations} (no
     * non-finite number, no integer beyond 64 bits, no control character but line breaks and tabs, no unpaired
     * surrogate). Unlike an event's payload it may be larger than 1 MiB (a labelled set of actions is).
     *
     * @throws IllegalArgumentException naming the field at fault, when it is not JSON or breaks a limit
     */
    public static JsonNode parse(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + SafeText.sanitize(String.valueOf(e.getOriginalMessage()),
                    500, false), e);
        }
        List<String> violations = JsonLimits.violations(tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("unsafe JSON: " + InvalidEventException.summary(violations));
        }
        return tree;
    }
}
