package org.alignlab.monitor.http;

import java.util.UUID;

/** Parses query parameters, turning bad values into a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The UUID in {@code value}, or null when the parameter is absent or blank. */
    public static UUID optionalUuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, "not a UUID");
        }
    }
}
