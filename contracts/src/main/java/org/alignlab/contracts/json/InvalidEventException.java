package org.alignlab.contracts.json;

import java.util.List;

/**
 * A message that can never be processed: too large, not JSON, beyond a parser limit, holding a value no consumer can
 * take, or not valid against its schema. Consumers send it to the topic's dead-letter queue with {@link #getMessage()}
 * as the reason, and go on.
 *
 * <p>A violation often quotes the payload (a property name, a parser's snippet), and the reason is stored: each one is
 * kept to {@value #MAX_VIOLATION_LENGTH} characters of {@link SafeText} (control characters escaped), and the message
 * lists at most {@value JsonLimits#MAX_VIOLATIONS} of them, so it is always safe to log, to put in a header and to
 * write to PostgreSQL.
 */
public class InvalidEventException extends RuntimeException {

    /** The longest violation kept, in characters. */
    public static final int MAX_VIOLATION_LENGTH = 500;

    private final List<String> violations;

    public InvalidEventException(String eventName, List<String> violations) {
        this(eventName, violations, null);
    }

    public InvalidEventException(String eventName, List<String> violations, Throwable cause) {
        super("invalid " + SafeText.sanitize(eventName, 100, false) + ": " + summary(violations), cause);
        this.violations = violations.stream().limit(JsonLimits.MAX_VIOLATIONS).map(InvalidEventException::safe)
                .toList();
    }

    /** One entry per problem (at most {@value JsonLimits#MAX_VIOLATIONS}), each naming the JSON path at fault. */
    public List<String> violations() {
        return violations;
    }

    /** The violations joined for a message: each made safe, the first ones only, and how many more there are. */
    static String summary(List<String> violations) {
        String listed = String.join("; ", violations.stream().limit(JsonLimits.MAX_VIOLATIONS)
                .map(InvalidEventException::safe).toList());
        int more = violations.size() - JsonLimits.MAX_VIOLATIONS;
        return more > 0 ? listed + "; and " + more + " more" : listed;
    }

    private static String safe(String violation) {
        return SafeText.sanitize(String.valueOf(violation), MAX_VIOLATION_LENGTH, false);
    }
}
