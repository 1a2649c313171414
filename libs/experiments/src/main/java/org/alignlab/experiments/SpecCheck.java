package org.alignlab.experiments;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

    static final Set<String> FIELDS = Set.of("family", "params", "seeds", "split", "resources", "script");
    static final List<String> REQUIRED = List.of("family", "params", "seeds", "split", "resources");
    private static final List<String> RESOURCES = List.of("cpuSeconds", "memoryMb", "wallSeconds");
    static final Map<String, Integer> RESOURCE_MINIMUM = Map.of("cpuSeconds", 1, "memoryMb", 64,
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

    /**
     * What breaks the schema, each naming the field ({@code $.seeds: ...}); empty when the spec is valid.
     *
     * @param spec the spec as {@link PlainJson#read} gives it
     */
    static List<String> violations(Object spec) {
        List<String> violations = new ArrayList<>();
        if (!(spec instanceof Map<?, ?> fields)) {
            violations.add("$: must be an object, is " + kind(spec));
            return violations;
        }
        for (String field : REQUIRED) {
            if (!fields.containsKey(field)) {
                violations.add("$." + field + ": is required and missing");
            }
        }
        for (Object name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                violations.add("$." + name + ": is not a field of ExperimentSpec");
            }
        }
        Object family = fields.get("family");
        if (fields.containsKey("family")) {
            text("$.family", family, FAMILY, MAX_FAMILY, violations);
        }
        if (fields.containsKey("params")) {
            params(fields.get("params"), SCRIPT_FAMILY.equals(family), violations);
        }
        if (fields.containsKey("seeds")) {
            seeds(fields.get("seeds"), violations);
        }
        Object split = fields.get("split");
        if (fields.containsKey("split") && !(split instanceof String name && SPLITS.contains(name))) {
            violations.add("$.split: must be one of validation, heldout, is " + shown(split));
        }
        if (fields.containsKey("resources")) {
            resources(fields.get("resources"), violations);
        }
        if (fields.containsKey("script")) {
            text("$.script", fields.get("script"), MULTILINE_TEXT, MAX_SCRIPT, violations);
        }
        return violations;
    }

    private static void params(Object value, boolean script, List<String> violations) {
        if (!(value instanceof Map<?, ?> params)) {
            violations.add("$.params: must be an object, is " + kind(value));
            return;
        }
        if (params.size() > MAX_PARAMS) {
            violations.add("$.params: must have at most " + MAX_PARAMS + " params, has " + params.size());
        }
        for (Map.Entry<?, ?> param : params.entrySet()) {
            String name = (String) param.getKey();
            String where = "$.params." + name;
            int length = name.codePointCount(0, name.length());
            if (length < 1 || length > MAX_PARAM_NAME || !TEXT.matcher(name).find()) {
                violations.add(where + ": a param's name must be 1 to " + MAX_PARAM_NAME
                        + " characters with no control character");
            }
            Object paramValue = param.getValue();
            if (paramValue instanceof String) {
                text(where, paramValue, MULTILINE_TEXT, MAX_PARAM_TEXT, violations);
            } else if (paramValue instanceof Number number) {
                BigDecimal exact = exact(number);
                if (exact == null || exact.abs().compareTo(MAX_PARAM_NUMBER) > 0) {
                    violations.add(where + ": must be within ±1e15, is " + number);
                }
            } else if (!(paramValue instanceof Boolean) || script) {
                violations.add(where + ": must be text" + (script ? " or a number (a script's param)"
                        : ", a number or a boolean") + ", is " + kind(paramValue));
            }
        }
    }

    private static void seeds(Object value, List<String> violations) {
        if (!(value instanceof List<?> seeds)) {
            violations.add("$.seeds: must be an array, is " + kind(value));
            return;
        }
        if (seeds.size() < 1 || seeds.size() > MAX_SEEDS) {
            violations.add("$.seeds: must have 1 to " + MAX_SEEDS + " items, has " + seeds.size());
        }
        for (int i = 0; i < seeds.size(); i++) {
            int32("$.seeds[" + i + "]", seeds.get(i), Integer.MIN_VALUE, violations);
        }
    }

    private static void resources(Object value, List<String> violations) {
        if (!(value instanceof Map<?, ?> resources)) {
            violations.add("$.resources: must be an object, is " + kind(value));
            return;
        }
        for (String field : RESOURCES) {
            if (!resources.containsKey(field)) {
                violations.add("$.resources." + field + ": is required and missing");
            } else {
                int32("$.resources." + field, resources.get(field), RESOURCE_MINIMUM.get(field), violations);
            }
        }
        for (Object name : resources.keySet()) {
            if (!RESOURCE_MINIMUM.containsKey(name)) {
                violations.add("$.resources." + name + ": is not a field of resources");
            }
        }
    }

    /** The schema's {@code int32} with a minimum: an integer (1.0 counts, as in JSON Schema) in [minimum, 2³¹). */
    private static void int32(String where, Object value, int minimum, List<String> violations) {
        BigDecimal number = value instanceof Number n ? exact(n) : null;
        if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            violations.add(where + ": must be an integer, is " + shown(value));
            return;
        }
        if (number.compareTo(BigDecimal.valueOf(minimum).max(INT32_MIN)) < 0 || number.compareTo(INT32_MAX) > 0) {
            violations.add(where + ": must be in [" + minimum + ", " + Integer.MAX_VALUE + "], is " + value);
        }
    }

    /** A parsed number exactly, or null for a non-finite double (a literal beyond the double range). */
    private static BigDecimal exact(Number number) {
        if (number instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        return number instanceof BigInteger big ? new BigDecimal(big) : BigDecimal.valueOf(number.longValue());
    }

    /** A string of at most {@code maxLength} characters (code points, as JSON Schema counts) matching {@code pattern}. */
    private static void text(String where, Object value, Pattern pattern, int maxLength,
            List<String> violations) {
        if (!(value instanceof String text)) {
            violations.add(where + ": must be text, is " + kind(value));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            violations.add(where + ": must be at most " + maxLength + " characters, has " + length);
        }
        if (!pattern.matcher(text).find()) {
            violations.add(where + ": does not match " + pattern.pattern());
        }
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : value instanceof String
                ? "text" : value instanceof Number ? "a number" : "a boolean";
    }

    /** A short rendering of a value for a message, cut. */
    private static String shown(Object value) {
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
