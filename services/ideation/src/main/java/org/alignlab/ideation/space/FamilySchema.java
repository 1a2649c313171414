package org.alignlab.ideation.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alignlab.contracts.json.Json;

/**
 * A family's parameters, read from its schema in contracts ({@code schemas/families/<family>.schema.json} on the
 * class path) — the same schema the monitor and the experiments runner apply, so the search never proposes what
 * they would reject for its bounds.
 */
public record FamilySchema(String family, String schemaText, List<ParamSchema> params) {

    /** The family's schema, or empty for a family that has none (e.g. {@code script}). */
    public static Optional<FamilySchema> load(String family) {
        if (!family.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String resource = "schemas/families/" + family + ".schema.json";
        try (InputStream in = FamilySchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new FamilySchema(family, text, params(Json.parse(text).path("properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The value every parameter takes when absent, by name. */
    public Map<String, Object> defaults() {
        Map<String, Object> defaults = new TreeMap<>();
        params.stream().filter(p -> p.defaultValue() != null).forEach(p -> defaults.put(p.name(), p.defaultValue()));
        return defaults;
    }

    public Optional<ParamSchema> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<ParamSchema> params(JsonNode properties) {
        List<ParamSchema> params = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            kind(property.getValue()).ifPresent(kind -> params.add(param(property.getKey(), kind, property.getValue())));
        }
        return List.copyOf(params);
    }

    private static ParamSchema param(String name, ParamSchema.Kind kind, JsonNode node) {
        List<Object> choices = new ArrayList<>();
        node.path("enum").forEach(choice -> choices.add(Json.mapper().convertValue(choice, Object.class)));
        return new ParamSchema(name, kind,
                node.has("minimum") ? node.get("minimum").asDouble() : null,
                node.has("maximum") ? node.get("maximum").asDouble() : null,
                node.has("default") ? Json.mapper().convertValue(node.get("default"), Object.class) : null,
                List.copyOf(choices));
    }

    /** Parameters of other shapes (strings, arrays) cannot be searched and are left to their defaults. */
    private static Optional<ParamSchema.Kind> kind(JsonNode node) {
        if (node.has("enum")) {
            return Optional.of(ParamSchema.Kind.ENUM);
        }
        return switch (node.path("type").asText()) {
            case "integer" -> Optional.of(ParamSchema.Kind.INTEGER);
            case "number" -> Optional.of(ParamSchema.Kind.NUMBER);
            case "boolean" -> Optional.of(ParamSchema.Kind.BOOLEAN);
            default -> Optional.empty();
        };
    }
}
