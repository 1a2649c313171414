package org.alignlab.contracts.problem;

import java.util.UUID;

/** A request field that cannot be used; services answer it with a 400 {@link Problem} naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /**
     * A required UUID query or path parameter, taken as text: JAX-RS answers an unconvertible parameter with 404,
     * which would hide the caller's mistake.
     */
    public static UUID requireUuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " must be a UUID");
        }
    }
}
