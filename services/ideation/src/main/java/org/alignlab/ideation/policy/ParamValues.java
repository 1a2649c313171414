package org.alignlab.ideation.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Configuration holds parameters as text; the experiments runner expects JSON numbers and booleans, so
 * {@code epochs=3} must travel as {@code 3}, not {@code "3"}.
 */
public final class ParamValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private ParamValues() {
    }

    public static Map<String, Object> typed(Map<String, String> params) {
        Map<String, Object> typed = new LinkedHashMap<>();
        params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> typed.put(entry.getKey(), typed(entry.getValue().trim())));
        return typed;
    }

    static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        if (INTEGER.matcher(value).matches()) {
            return Long.valueOf(value);
        }
        if (DECIMAL.matcher(value).matches()) {
            return Double.valueOf(value);
        }
        return value;
    }
}
