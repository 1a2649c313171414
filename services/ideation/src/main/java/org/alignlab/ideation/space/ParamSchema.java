package org.alignlab.ideation.space;

import java.util.List;

/**
 * One parameter as its family's JSON Schema declares it: the kind, the bounds of a number, the choices of an
 * enum, and the default an absent parameter takes.
 */
public record ParamSchema(String name, Kind kind, Double minimum, Double maximum, Object defaultValue,
                          List<Object> choices) {

    public enum Kind { INTEGER, NUMBER, BOOLEAN, ENUM }

    public boolean numeric() {
        return kind == Kind.INTEGER || kind == Kind.NUMBER;
    }
}
