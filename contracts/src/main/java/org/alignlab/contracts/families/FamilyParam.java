package org.alignlab.contracts.families;

import java.util.List;

/**
 * One parameter of a family as its parameter schema declares it.
 *
 * @param minimum      the inclusive lower bound of a number, or null
 * @param maximum      the inclusive upper bound of a number, or null
 * @param defaultValue what an absent parameter means (an Integer, Double, Boolean or String), or null
 * @param choices      the allowed values of an enum, empty otherwise
 */
public record FamilyParam(String name, Kind kind, Double minimum, Double maximum, Object defaultValue,
        List<Object> choices, String description) {

    /** The shapes the platform can reason about; a parameter of any other shape is left to its default. */
    public enum Kind {
        INTEGER, NUMBER, BOOLEAN, ENUM
    }

    public FamilyParam {
        choices = List.copyOf(choices);
    }

    public boolean numeric() {
        return kind == Kind.INTEGER || kind == Kind.NUMBER;
    }

    public boolean integer() {
        return kind == Kind.INTEGER;
    }

    /** The default as a number, or NaN for a parameter without a numeric default. */
    public double defaultNumber() {
        return defaultValue instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
