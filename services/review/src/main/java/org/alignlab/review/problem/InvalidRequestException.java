package org.alignlab.review.problem;

/** A request field that cannot be used; answered with 400 and the field named. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
