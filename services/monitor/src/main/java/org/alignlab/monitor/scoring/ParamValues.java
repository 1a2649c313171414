package org.alignlab.monitor.scoring;

import java.util.Map;
import java.util.Objects;

/** Param values as the spec's JSON gives them: 3, 3.0 and "3" are the same setting. */
final class ParamValues {

    private ParamValues() {
    }

    static boolean same(Object a, Object b) {
        double x = number(a);
        double y = number(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return x == y;
        }
        return Objects.equals(String.valueOf(a), String.valueOf(b));
    }

    static boolean sameParams(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> left = a == null ? Map.of() : a;
        Map<String, Object> right = b == null ? Map.of() : b;
        return left.keySet().equals(right.keySet())
                && left.entrySet().stream().allMatch(entry -> same(entry.getValue(), right.get(entry.getKey())));
    }

    static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
