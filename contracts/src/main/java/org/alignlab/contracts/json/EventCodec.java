package org.alignlab.contracts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.alignlab.contracts.EventType;

/**
 * The only way services turn events into Kafka payloads and back. Decoding validates against the schema
 * first, so a handler never sees an event its schema forbids; encoding validates too, so a producer bug is
 * caught at the producer instead of filling a consumer's dead-letter queue.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /**
     * Parses and validates a payload.
     *
     * @throws InvalidEventException when the payload is not JSON or violates the schema; the message names the field
     */
    public static <T> T decode(String payload, Class<T> recordType) {
        EventType type = EventType.of(recordType);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(payload == null ? "" : payload);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(recordType.getSimpleName(), List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidEventException(recordType.getSimpleName(), List.of("empty payload"));
        }
        List<String> violations = EventValidator.instance().violations(type, tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(recordType.getSimpleName(), violations);
        }
        try {
            return Json.mapper().treeToValue(tree, recordType);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(recordType.getSimpleName(), List.of(e.getOriginalMessage()));
        }
    }

    /** Serialises an event after checking it against its schema. */
    public static String encode(Object event) {
        EventType type = EventType.of(event.getClass());
        JsonNode tree = Json.tree(event);
        List<String> violations = EventValidator.instance().violations(type, tree);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("refusing to publish " + new InvalidEventException(
                    event.getClass().getSimpleName(), violations).getMessage());
        }
        return tree.toString();
    }
}
