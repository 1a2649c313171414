package org.alignlab.contracts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the schemas in {@code contracts/schemas/} require of one place in a document, read from the schema files
 * themselves, so a test can mutate a field up to and past its own bounds. It follows {@code $ref} (within a file and
 * across files), {@code allOf}, and {@code if}/{@code then} of the one form the schemas use (a {@code const} property).
 */
final class SchemaMap {

    /** The pattern of {@code common.schema.json#/$defs/text}: one line, no control character. */
    static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*(?![\\s\\S])";
    /** The pattern of {@code multilineText}: line breaks and tabs, no other control character. */
    static final String MULTI_LINE = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*(?![\\s\\S])";

    private static final Path DIR = Path.of("schemas");
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> files = new HashMap<>();

    /** One schema object and the file it is in, which its local {@code $ref}s resolve against. */
    record At(String file, JsonNode schema) {
    }

    /** Everything the schemas say of one place, merged over every schema that applies to it. */
    record Rules(Set<String> types, Integer minLength, Integer maxLength, BigDecimal minimum, BigDecimal maximum,
            Integer maxItems, Integer maxProperties, Set<String> patterns, boolean enumerated, boolean closed,
            List<At> applying) {

        boolean isString() {
            return types.contains("string");
        }

        boolean isNumber() {
            return types.contains("number") || types.contains("integer");
        }

        boolean integerOnly() {
            return types.contains("integer") && !types.contains("number");
        }

        /** Free text: a string whose only pattern is the no-control-character one. */
        Optional<Boolean> freeText() {
            if (enumerated || !isString()) {
                return Optional.empty();
            }
            if (patterns.equals(Set.of(ONE_LINE))) {
                return Optional.of(false);
            }
            if (patterns.equals(Set.of(MULTI_LINE))) {
                return Optional.of(true);
            }
            return Optional.empty();
        }

        boolean isMap() {
            return applying.stream().anyMatch(at -> at.schema().path("additionalProperties").isObject());
        }
    }

    At root(String file) {
        return new At(file, file(file));
    }

    /**
     * The schemas that apply to the value at {@code path} (keys and indices) of {@code document}, which must be valid
     * against {@code root} up to there.
     */
    List<At> at(At root, JsonNode document, List<Object> path) {
        List<At> applying = expand(root, document);
        JsonNode instance = document;
        for (Object step : path) {
            instance = step instanceof Integer i ? instance.get(i) : instance.get((String) step);
            List<At> next = new ArrayList<>();
            for (At at : applying) {
                next.addAll(child(at, step));
            }
            applying = new ArrayList<>();
            for (At at : next) {
                applying.addAll(expand(at, instance));
            }
        }
        return applying;
    }

    /** The schemas a child {@code step} of a value under {@code at} must meet, unexpanded. */
    static List<At> child(At at, Object step) {
        JsonNode schema = at.schema();
        if (step instanceof Integer) {
            return schema.has("items") ? List.of(new At(at.file(), schema.get("items"))) : List.of();
        }
        if (schema.path("properties").has((String) step)) {
            return List.of(new At(at.file(), schema.get("properties").get((String) step)));
        }
        if (schema.path("additionalProperties").isObject()) {
            return List.of(new At(at.file(), schema.get("additionalProperties")));
        }
        return List.of();
    }

    /** {@code at} and every schema it brings in through {@code $ref}, {@code allOf} and a matching {@code if}. */
    List<At> expand(At at, JsonNode instance) {
        List<At> all = new ArrayList<>();
        all.add(at);
        JsonNode schema = at.schema();
        if (schema.has("$ref")) {
            all.addAll(expand(resolve(at, schema.get("$ref").asText()), instance));
        }
        for (JsonNode sub : schema.path("allOf")) {
            all.addAll(expand(new At(at.file(), sub), instance));
        }
        if (schema.has("if") && instance != null && matches(schema.get("if"), instance)) {
            all.addAll(expand(new At(at.file(), schema.get("then")), instance));
        }
        return all;
    }

    /** {@code at} and every schema it may bring in, whatever the instance: each {@code then} included. */
    List<At> expandAll(At at) {
        List<At> all = new ArrayList<>();
        all.add(at);
        JsonNode schema = at.schema();
        if (schema.has("$ref")) {
            all.addAll(expandAll(resolve(at, schema.get("$ref").asText())));
        }
        for (JsonNode sub : schema.path("allOf")) {
            all.addAll(expandAll(new At(at.file(), sub)));
        }
        if (schema.has("then")) {
            all.addAll(expandAll(new At(at.file(), schema.get("then"))));
        }
        return all;
    }

    Rules rules(List<At> applying) {
        Set<String> types = null;
        Integer minLength = null;
        Integer maxLength = null;
        BigDecimal minimum = null;
        BigDecimal maximum = null;
        Integer maxItems = null;
        Integer maxProperties = null;
        Set<String> patterns = new LinkedHashSet<>();
        boolean enumerated = false;
        boolean closed = false;
        for (At at : applying) {
            JsonNode s = at.schema();
            if (s.has("type")) {
                Set<String> these = new LinkedHashSet<>();
                if (s.get("type").isArray()) {
                    s.get("type").forEach(t -> these.add(t.asText()));
                } else {
                    these.add(s.get("type").asText());
                }
                if (these.contains("number")) {
                    these.add("integer");
                }
                if (types == null) {
                    types = these;
                } else {
                    types.retainAll(these);
                }
            }
            if (s.has("enum") || s.has("const")) {
                enumerated = true;
                Set<String> these = new LinkedHashSet<>();
                (s.has("enum") ? s.get("enum") : mapper.createArrayNode().add(s.get("const")))
                        .forEach(v -> these.add(v.isTextual() ? "string" : v.getNodeType().name().toLowerCase()));
                types = types == null ? these : types;
            }
            minLength = max(minLength, s.has("minLength") ? s.get("minLength").intValue() : null);
            maxLength = min(maxLength, s.has("maxLength") ? s.get("maxLength").intValue() : null);
            minimum = s.has("minimum") ? (minimum == null ? s.get("minimum").decimalValue()
                    : minimum.max(s.get("minimum").decimalValue())) : minimum;
            maximum = s.has("maximum") ? (maximum == null ? s.get("maximum").decimalValue()
                    : maximum.min(s.get("maximum").decimalValue())) : maximum;
            maxItems = min(maxItems, s.has("maxItems") ? s.get("maxItems").intValue() : null);
            maxProperties = min(maxProperties, s.has("maxProperties") ? s.get("maxProperties").intValue() : null);
            if (s.has("pattern")) {
                patterns.add(s.get("pattern").asText());
            }
            closed |= s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean();
        }
        return new Rules(types == null ? Set.of() : types, minLength, maxLength, minimum, maximum, maxItems,
                maxProperties, patterns, enumerated, closed, applying);
    }

    At resolve(At from, String ref) {
        int hash = ref.indexOf('#');
        String file = hash == 0 ? from.file() : hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = file(file).at(JsonPointer.compile(pointer));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolvable $ref " + ref + " in " + from.file());
        }
        return new At(file, target);
    }

    private static boolean matches(JsonNode condition, JsonNode instance) {
        for (JsonNode required : condition.path("required")) {
            if (!instance.has(required.asText())) {
                return false;
            }
        }
        for (var it = condition.path("properties").fields(); it.hasNext();) {
            var property = it.next();
            if (!property.getValue().has("const")) {
                throw new IllegalStateException("SchemaMap reads only const conditions: " + condition);
            }
            if (instance.has(property.getKey())
                    && !instance.get(property.getKey()).equals(property.getValue().get("const"))) {
                return false;
            }
        }
        return true;
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            try {
                return mapper.readTree(DIR.resolve(n).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Integer.valueOf(Math.min(a, b));
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Integer.valueOf(Math.max(a, b));
    }
}
