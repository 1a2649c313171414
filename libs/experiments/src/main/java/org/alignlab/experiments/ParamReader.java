package org.alignlab.experiments;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a family's params with defaults and ranges. Every param a family reads is marked known, so
 * {@link #rejectUnknown()} catches typos such as {@code epoch} for {@code epochs}, which would otherwise silently
 * run with the default.
 */
public final class ParamReader {

    private final Map<String, Object> raw;
    private final Set<String> known = new HashSet<>();

    public ParamReader(Map<String, Object> raw) {
        this.raw = raw == null ? Map.of() : raw;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        known.add(name);
        Object value = raw.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidParamsException("param " + name + " must be an integer, got " + value);
        }
        double v = number.doubleValue();
        if (v < min || v > max) {
            throw new InvalidParamsException("param " + name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return (int) v;
    }

    public double real(String name, double defaultValue, double min, double max) {
        known.add(name);
        Object value = raw.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number)) {
            throw new InvalidParamsException("param " + name + " must be a number, got " + value);
        }
        double v = number.doubleValue();
        if (!(v >= min && v <= max)) {
            throw new InvalidParamsException("param " + name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return v;
    }

    /** Call after reading every param. */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new InvalidParamsException("unknown param " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }
}
