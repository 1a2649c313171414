package org.alignlab.contracts;

import com.networknt.schema.JsonSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.EventValidator;

/** Decodes a payload the way its consumer does: an event by its type, the runner's output by its schema file. */
final class Decoding {

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Decoding() {
    }

    static Object decode(FullSamples.Sample sample, String payload) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(sample.schemaFile(), EventValidator.instance()::load);
        return EventCodec.decode(payload, schema, sample.type());
    }
}
