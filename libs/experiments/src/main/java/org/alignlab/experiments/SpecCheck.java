package org.alignlab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code ExperimentSpec.schema.json} (and the {@code common.schema.json} definitions it uses), written
 * out by hand. The runner is a fresh JVM per run, and compiling that schema with its 2020-12 meta-schema was 0.35–0.4
 * s of every sandboxed run's start (issue 16); these checks take microseconds. {@code SpecCheckTest} holds them to the
 * schema: on fixed cases and on seeded random mutations of a valid spec, these checks refuse a spec exactly when the
 * schema does. Change both together.
 */
final class SpecCheck {

    private static final Set<String> FIELDS = Set.of("family", "params", "seeds", "split", "resources", "script");
    private static final List<String> REQUIRED = List.of("family", "params", "seeds", "split", "resources");
    private static final List<String> RESOURCES = List.of("cpuSeconds", "memoryMb", "wallSeconds");
    private static final Map<String, Integer> RESOURCE_MINIMUM = Map.of("cpuSeconds", 1, "memoryMb", 64,
            "wallSeconds", 1);
    private static final Set<String> SPLITS = Set.of("validation", "heldout");
    private static final String SCRIPT_FAMILY = "script";

    // The schemas' patterns, as the validator runs them: java.util.regex, find() on the whole text.
    private static final Pattern FAMILY = Pattern.compile("^[a-z][a-z0-9-]{0,63}(?![\\s\\S])");
    private static final Pattern TEXT = Pattern.compile("^[^\\u0000-\\u001F\\u007F-\\u009F]*(?![\\s\\S])");
    private static final Pattern MULTILINE_TEXT = Pattern.compile(
            "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*(?![\\s\\S])");

    private static final int MAX_FAMILY = 64;
    private static final int MAX_PARAMS = 64;
    private static final int MAX_PARAM_NAME = 100;
    private static final int MAX_PARAM_TEXT = 1000;
    private static final BigDecimal MAX_PARAM_NUMBER = new BigDecimal("1e15");
    private static final int MAX_SEEDS = 64;
    private static final int MAX_SCRIPT = 200_000;
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private SpecCheck() {
    }

    /** What breaks the schema, each naming the field ({@code $.seeds: ...}); empty when the spec is valid. */
    static List<String> violations(JsonNode spec) {
        List<String> violations = new ArrayList<>();
        if (!spec.isObject()) {
            violations.add("$: must be an object, is " + kind(spec));
            return violations;
        }
        for (String field : REQUIRED) {
            if (!spec.has(field)) {
                violations.add("$." + field + ": is required and missing");
            }
        }
        for (Iterator<String> names = spec.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add("$." + name + ": is not a field of ExperimentSpec");
            }
        }
        JsonNode family = spec.get("family");
        if (family != null) {
            text("$.family", family, FAMILY, MAX_FAMILY, violations);
        }
        JsonNode params = spec.get("params");
        if (params != null) {
            boolean script = family != null && family.isTextual() && family.textValue().equals(SCRIPT_FAMILY);
            params(params, script, violations);
        }
        JsonNode seeds = spec.get("seeds");
        if (seeds != null) {
            seeds(seeds, violations);
        }
        JsonNode split = spec.get("split");
        if (split != null && !(split.isTextual() && SPLITS.contains(split.textValue()))) {
            violations.add("$.split: must be one of validation, heldout, is " + shown(split));
        }
        JsonNode resources = spec.get("resources");
        if (resources != null) {
            resources(resources, violations);
        }
        JsonNode scriptText = spec.get("script");
        if (scriptText != null) {
            text("$.script", scriptText, MULTILINE_TEXT, MAX_SCRIPT, violations);
        }
        return violations;
    }

    private static void params(JsonNode params, boolean script, List<String> violations) {
        if (!params.isObject()) {
            violations.add("$.params: must be an object, is " + kind(params));
            return;
        }
        if (params.size() > MAX_PARAMS) {
            violations.add("$.params: must have at most " + MAX_PARAMS + " params, has " + params.size());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = params.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> param = fields.next();
            String where = "$.params." + param.getKey();
            String name = param.getKey();
            int length = name.codePointCount(0, name.length());
            if (length < 1 || length > MAX_PARAM_NAME || !TEXT.matcher(name).find()) {
                violations.add(where + ": a param's name must be 1 to " + MAX_PARAM_NAME
                        + " characters with no control character");
            }
            JsonNode value = param.getValue();
            if (value.isTextual()) {
                text(where, value, MULTILINE_TEXT, MAX_PARAM_TEXT, violations);
            } else if (value.isNumber()) {
                BigDecimal number = value.decimalValue();
                if (number.abs().compareTo(MAX_PARAM_NUMBER) > 0) {
                    violations.add(where + ": must be within ±1e15, is " + value);
                }
            } else if (!value.isBoolean() || script) {
                violations.add(where + ": must be text" + (script ? " or a number (a script's param)"
                        : ", a number or a boolean") + ", is " + kind(value));
            }
        }
    }

    private static void seeds(JsonNode seeds, List<String> violations) {
        if (!seeds.isArray()) {
            violations.add("$.seeds: must be an array, is " + kind(seeds));
            return;
        }
        if (seeds.size() < 1 || seeds.size() > MAX_SEEDS) {
            violations.add("$.seeds: must have 1 to " + MAX_SEEDS + " items, has " + seeds.size());
        }
        for (int i = 0; i < seeds.size(); i++) {
            int32("$.seeds[" + i + "]", seeds.get(i), Integer.MIN_VALUE, violations);
        }
    }

    private static void resources(JsonNode resources, List<String> violations) {
        if (!resources.isObject()) {
            violations.add("$.resources: must be an object, is " + kind(resources));
            return;
        }
        for (String field : RESOURCES) {
            JsonNode value = resources.get(field);
            if (value == null) {
                violations.add("$.resources." + field + ": is required and missing");
            } else {
                int32("$.resources." + field, value, RESOURCE_MINIMUM.get(field), violations);
            }
        }
        for (Iterator<String> names = resources.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!RESOURCE_MINIMUM.containsKey(name)) {
                violations.add("$.resources." + name + ": is not a field of resources");
            }
        }
    }

    /** The schema's {@code int32} with a minimum: an integer (1.0 counts, as in JSON Schema) in [minimum, 2³¹). */
    private static void int32(String where, JsonNode value, int minimum, List<String> violations) {
        if (!isInteger(value)) {
            violations.add(where + ": must be an integer, is " + shown(value));
            return;
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(BigDecimal.valueOf(minimum).max(INT32_MIN)) < 0 || number.compareTo(INT32_MAX) > 0) {
            violations.add(where + ": must be in [" + minimum + ", " + Integer.MAX_VALUE + "], is " + value);
        }
    }

    private static boolean isInteger(JsonNode value) {
        if (value.isIntegralNumber()) {
            return true;
        }
        if (!value.isNumber()) {
            return false;
        }
        BigDecimal number = value.decimalValue();
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /** A string of at most {@code maxLength} characters (code points, as JSON Schema counts) matching {@code pattern}. */
    private static void text(String where, JsonNode value, Pattern pattern, int maxLength,
            List<String> violations) {
        if (!value.isTextual()) {
            violations.add(where + ": must be text, is " + kind(value));
            return;
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            violations.add(where + ": must be at most " + maxLength + " characters, has " + length);
        }
        if (!pattern.matcher(text).find()) {
            violations.add(where + ": does not match " + pattern.pattern());
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A short rendering of a value for a message: the spec's own text, cut. */
    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
