package org.alignlab.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Holds a value to an OpenAPI v3 schema the way a Kubernetes API server reads one:
 * <ul>
 *   <li>a field no {@code properties} entry names is an error (kubectl applies with strict field validation), unless
 *       the object preserves unknown fields ({@code x-kubernetes-preserve-unknown-fields}), is a map
 *       ({@code additionalProperties}, whose values are validated in turn) or is an embedded resource;</li>
 *   <li>an object schema with neither properties nor additionalProperties is open in the built-in OpenAPI
 *       (RawExtension, FieldsV1) but closed in a CRD, where the API server prunes every field of it;</li>
 *   <li>{@code x-kubernetes-int-or-string} (or the built-in {@code format: int-or-string}) admits an integer or a
 *       string; {@code integer} admits no fraction and no quoted number; a null is a field left out;</li>
 *   <li>{@code required}, {@code enum}, {@code pattern}, {@code minimum}/{@code maximum}, lengths and item counts,
 *       and {@code oneOf}/{@code anyOf}/{@code allOf}/{@code not}, whose branches constrain values only (a field a
 *       branch does not name is no error there);</li>
 *   <li>list maps and sets ({@code x-kubernetes-list-type}) hold no two items with the same keys.</li>
 * </ul>
 * Not evaluated: CEL rules ({@code x-kubernetes-validations}) and string formats, which need the server itself.
 */
public final class StructuralValidator {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, JsonNode> definitions;
    private final boolean closedEmptyObjects;

    /**
     * @param definitions        what {@code $ref}s point at (the OpenAPI's components.schemas); empty for a CRD
     * @param closedEmptyObjects true for CRD schemas: an object schema that names no field admits none
     */
    public StructuralValidator(Map<String, JsonNode> definitions, boolean closedEmptyObjects) {
        this.definitions = Map.copyOf(definitions);
        this.closedEmptyObjects = closedEmptyObjects;
    }

    /** Every way {@code value} breaks {@code schema}, each as "path: problem"; empty when it keeps it. */
    public List<String> validate(JsonNode value, JsonNode schema, String path) {
        List<String> errors = new ArrayList<>();
        validate(value, schema, path, true, errors);
        return errors;
    }

    private void validate(JsonNode value, JsonNode schemaOrRef, String path, boolean structural,
            List<String> errors) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (!typeMatches(value, schema, path, errors)) {
            return;
        }
        if (value.isObject()) {
            validateObject(value, schema, path, structural, errors);
        } else if (value.isArray()) {
            validateArray(value, schema, path, structural, errors);
        } else {
            validateScalar(value, schema, path, errors);
        }
        validateCombinations(value, schema, path, errors);
    }

    /** Follows {@code $ref}, and the built-in OpenAPI's {@code allOf: [{$ref}]} wrapper around a field's type. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int hops = 0; hops < 64; hops++) {
            if (at.has("$ref")) {
                at = definition(at.get("$ref").asText());
            } else if (at.has("allOf") && at.get("allOf").size() == 1 && at.get("allOf").get(0).has("$ref")
                    && !at.has("type") && !at.has("properties")) {
                at = definition(at.get("allOf").get(0).get("$ref").asText());
            } else {
                return at;
            }
        }
        throw new IllegalStateException("$ref cycle at " + schema);
    }

    private JsonNode definition(String ref) {
        JsonNode target = ref.startsWith(REF_PREFIX) ? definitions.get(ref.substring(REF_PREFIX.length())) : null;
        if (target == null) {
            throw new IllegalStateException("unresolvable $ref " + ref);
        }
        return target;
    }

    private static boolean intOrString(JsonNode schema) {
        return schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(schema.path("format").asText());
    }

    private static boolean typeMatches(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (intOrString(schema)) {
            if (value.isIntegralNumber() || value.isTextual()) {
                return true;
            }
            errors.add(path + ": must be an integer or a string, not " + describe(value));
            return false;
        }
        String type = schema.path("type").asText("");
        if (type.isEmpty() || hasType(value, type)) {
            return true;
        }
        errors.add(path + ": must be " + (type.equals("integer") ? "an " : "a ") + type + ", not " + describe(value));
        return false;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private void validateObject(JsonNode value, JsonNode schema, String path, boolean structural,
            List<String> errors) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        boolean open = preserves || (!closedEmptyObjects && properties.isMissingNode() && additional == null);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), at, structural, errors);
            } else if (additional != null && additional.isObject()) {
                validate(field.getValue(), additional, at, structural, errors);
            } else if (structural && !open && !(additional != null && additional.asBoolean(false))
                    && !(embedded && Set.of("apiVersion", "kind", "metadata").contains(field.getKey()))) {
                errors.add(at + ": unknown field" + known(properties));
            }
        }
        for (JsonNode name : schema.path("required")) {
            JsonNode present = value.get(name.asText());
            if (present == null || present.isNull()) {
                errors.add(path + "." + name.asText() + ": required field missing");
            }
        }
        bound(path, "properties", value.size(), schema.get("minProperties"), schema.get("maxProperties"), errors);
    }

    private static String known(JsonNode properties) {
        if (properties.isMissingNode() || properties.isEmpty()) {
            return " (this object admits none)";
        }
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names.size() > 12 ? "" : " (known: " + String.join(", ", names) + ")";
    }

    private void validateArray(JsonNode value, JsonNode schema, String path, boolean structural,
            List<String> errors) {
        JsonNode items = schema.get("items");
        for (int i = 0; i < value.size(); i++) {
            if (items != null && items.isObject()) {
                validate(value.get(i), items, path + "[" + i + "]", structural, errors);
            }
        }
        bound(path, "items", value.size(), schema.get("minItems"), schema.get("maxItems"), errors);
        String listType = schema.path("x-kubernetes-list-type").asText("");
        if ("map".equals(listType) || "set".equals(listType)) {
            Set<String> seen = new HashSet<>();
            for (JsonNode item : value) {
                String key = "set".equals(listType) ? item.toString() : listMapKey(item, schema);
                if (!seen.add(key)) {
                    errors.add(path + ": two items with the same " + ("set".equals(listType) ? "value " : "key ")
                            + key + " (a list " + listType + " admits each once)");
                }
            }
        }
    }

    private static String listMapKey(JsonNode item, JsonNode schema) {
        List<String> parts = new ArrayList<>();
        for (JsonNode key : schema.path("x-kubernetes-list-map-keys")) {
            parts.add(key.asText() + "=" + item.path(key.asText()).asText(""));
        }
        return String.join(",", parts);
    }

    private static void validateScalar(JsonNode value, JsonNode schema, String path, List<String> errors) {
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode option : allowed) {
                found |= option.equals(value) || (option.isNumber() && value.isNumber()
                        && option.decimalValue().compareTo(value.decimalValue()) == 0);
            }
            if (!found) {
                errors.add(path + ": " + value + " is not one of " + allowed);
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("pattern") && !matches(schema.get("pattern").asText(), text)) {
                errors.add(path + ": '" + text + "' does not match " + schema.get("pattern").asText());
            }
            bound(path, "characters", text.codePointCount(0, text.length()), schema.get("minLength"),
                    schema.get("maxLength"), errors);
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
    }

    /** Go's RE2 and Java agree on the patterns CRDs use; one Java cannot compile is reported, not skipped. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("schema pattern " + pattern + " does not compile in Java", e);
        }
    }

    private static void bound(String path, String what, int count, JsonNode min, JsonNode max,
            List<String> errors) {
        if (min != null && count < min.asInt()) {
            errors.add(path + ": " + count + " " + what + ", fewer than the minimum " + min.asInt());
        }
        if (max != null && count > max.asInt()) {
            errors.add(path + ": " + count + " " + what + ", more than the maximum " + max.asInt());
        }
    }

    /** Branches constrain values only: they are checked without the unknown-field rule. */
    private void validateCombinations(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (schema.has("allOf") && !(schema.get("allOf").size() == 1 && schema.get("allOf").get(0).has("$ref"))) {
            for (JsonNode branch : schema.get("allOf")) {
                validate(value, branch, path, false, errors);
            }
        }
        if (schema.has("anyOf") && matching(value, schema.get("anyOf"), path) == 0) {
            errors.add(path + ": matches none of " + schema.get("anyOf"));
        }
        if (schema.has("oneOf")) {
            int matching = matching(value, schema.get("oneOf"), path);
            if (matching != 1) {
                errors.add(path + ": must match exactly one of " + schema.get("oneOf") + ", matches " + matching);
            }
        }
        if (schema.has("not") && matching(value, List.of(schema.get("not")), path) == 1) {
            errors.add(path + ": must not match " + schema.get("not"));
        }
    }

    private int matching(JsonNode value, Iterable<JsonNode> branches, String path) {
        int count = 0;
        for (JsonNode branch : branches) {
            List<String> branchErrors = new ArrayList<>();
            validate(value, branch, path, false, branchErrors);
            count += branchErrors.isEmpty() ? 1 : 0;
        }
        return count;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string '" + value.asText() + "'";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
