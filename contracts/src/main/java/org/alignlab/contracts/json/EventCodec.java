package org.alignlab.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.alignlab.contracts.EventType;

/**
 * The only way services turn events into Kafka payloads and back. Decoding checks the payload against
 * {@link JsonLimits} and then the schema, so a handler never sees an event its schema forbids, nor a value it cannot
 * store, hash or compute with; encoding checks the same, so a producer bug is caught at the producer instead of filling
 * a consumer's dead-letter queue.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /**
     * Parses and validates a payload.
     *
     * @throws InvalidEventException when the payload is larger than {@value JsonLimits#MAX_PAYLOAD_BYTES} bytes, not
     *                               JSON, beyond a parser limit (nesting, number length, duplicate key), holds a value
     *                               no consumer can take (a non-finite number, a NUL) or violates the schema; the
     *                               message names the field, or the reason for a size or nesting limit
     */
    public static <T> T decode(String payload, Class<T> recordType) {
        return decode(payload, EventValidator.instance().schema(EventType.of(recordType)), recordType);
    }

    /**
     * Parses and validates a document against any schema under {@code schemas/}, with the same limits as an event: for
     * what is not a Kafka event but comes from outside all the same (a runner's output, a spec file).
     *
     * @see EventValidator#load(String)
     */
    public static <T> T decode(String payload, JsonSchema schema, Class<T> recordType) {
        String name = recordType.getSimpleName();
        JsonNode tree = parse(payload, name);
        List<String> violations = EventValidator.describe(schema.validate(tree));
        if (!violations.isEmpty()) {
            throw new InvalidEventException(name, violations);
        }
        try {
            return Json.mapper().treeToValue(tree, recordType);
        } catch (JsonMappingException e) {
            throw new InvalidEventException(name, List.of(JsonLimits.path(e.getPath()) + ": "
                    + e.getOriginalMessage()), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(name, List.of(String.valueOf(e.getMessage())), e);
        }
    }

    /** Serialises an event after checking it against {@link JsonLimits} and its schema. */
    public static String encode(Object event) {
        EventType type = EventType.of(event.getClass());
        JsonNode tree = Json.tree(event);
        List<String> violations = JsonLimits.violations(tree);
        if (violations.isEmpty()) {
            violations = EventValidator.instance().violations(type, tree);
        }
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("refusing to publish " + new InvalidEventException(
                    event.getClass().getSimpleName(), violations).getMessage());
        }
        String payload = tree.toString();
        if (JsonLimits.utf8LongerThan(payload, JsonLimits.MAX_PAYLOAD_BYTES)) {
            throw new IllegalArgumentException("refusing to publish " + event.getClass().getSimpleName()
                    + ": the payload is larger than " + JsonLimits.MAX_PAYLOAD_BYTES + " bytes");
        }
        return payload;
    }

    /** The payload as a tree within {@link JsonLimits}, before any schema is consulted. */
    private static JsonNode parse(String payload, String name) {
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException(name, List.of("empty payload"));
        }
        if (JsonLimits.utf8LongerThan(payload, JsonLimits.MAX_PAYLOAD_BYTES)) {
            throw new InvalidEventException(name, List.of("the payload is larger than " + JsonLimits.MAX_PAYLOAD_BYTES
                    + " bytes"));
        }
        JsonNode tree;
        try (JsonParser parser = Json.mapper().createParser(payload)) {
            try {
                tree = Json.mapper().readTree(parser);
            } catch (StreamConstraintsException e) {
                throw new InvalidEventException(name, List.of(JsonLimits.describe(e, parser.getParsingContext())), e);
            } catch (JsonProcessingException e) {
                String where = JsonLimits.path(parser.getParsingContext());
                String message = String.valueOf(e.getOriginalMessage());
                throw new InvalidEventException(name, List.of(message.startsWith("Duplicate field")
                        ? where + ": duplicate key"
                        : "not JSON" + ("$".equals(where) ? "" : " at " + where) + ": " + message), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a payload from memory", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException(name, List.of("empty payload"));
        }
        List<String> violations = JsonLimits.violations(tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(name, violations);
        }
        return tree;
    }
}
