package org.alignlab.contracts.json;

import java.util.List;

/**
 * A message that can never be processed: not JSON, or not valid against its schema. Consumers send it to the
 * topic's dead-letter queue with {@link #getMessage()} as the reason, and go on.
 */
public class InvalidEventException extends RuntimeException {

    private final List<String> violations;

    public InvalidEventException(String eventName, List<String> violations) {
        super("invalid " + eventName + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One entry per problem, each naming the JSON path of the field at fault. */
    public List<String> violations() {
        return violations;
    }
}
