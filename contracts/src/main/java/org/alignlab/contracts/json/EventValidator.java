package org.alignlab.contracts.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.EventType;

/**
 * Validates events against the JSON Schemas in {@code contracts/schemas/}. Each event's schema is loaded once, on
 * first use, and is thread-safe; use the shared {@link #instance()}; services pay for only the schemas they use. (The
 * sandboxed runner no longer loads a validator at all: its spec and output checks are hand-written, held to the
 * schemas by libs/experiments' tests.) {@code EventRoundTripTest} loads every one, so a broken schema still fails the
 * build.
 */
public final class EventValidator {

    /** The {@code $id} prefix of every schema; resolved to the class path so validation never goes online. */
    public static final String SCHEMA_BASE = "https://alignlab.org/schemas/";

    // Before INSTANCE: static fields initialise in order, and the instance's factory needs the meta-schema.
    /** Draft 2020-12, knowing the family schemas' {@code x-alignlab} block as a keyword that validates nothing. */
    private static final JsonMetaSchema META_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword("x-alignlab")).build();

    private static final EventValidator INSTANCE = new EventValidator();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(META_SCHEMA)
                    .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private final Map<EventType, JsonSchema> schemas = new ConcurrentHashMap<>();

    private EventValidator() {
    }

    public static EventValidator instance() {
        return INSTANCE;
    }

    /** Loads any schema under {@code schemas/} on the class path, e.g. a family's parameter schema. */
    public JsonSchema load(String schemaFile) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile));
        schema.initializeValidators();
        return schema;
    }

    /** An event's schema, loaded once, on first use. */
    public JsonSchema schema(EventType type) {
        return schemas.computeIfAbsent(type, t -> load(t.schemaFile()));
    }

    /** The violations of a JSON document against an event's schema, each naming the field; empty when valid. */
    public List<String> violations(EventType type, JsonNode document) {
        return describe(schema(type).validate(document));
    }

    public static List<String> describe(java.util.Set<ValidationMessage> messages) {
        return messages.stream()
                .sorted(Comparator.comparing(ValidationMessage::getInstanceLocation,
                        Comparator.comparing(Object::toString)))
                .map(ValidationMessage::getMessage)
                .toList();
    }
}
