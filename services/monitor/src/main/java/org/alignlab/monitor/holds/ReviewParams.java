package org.alignlab.monitor.holds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.alignlab.monitor.http.BadParameterException;
import org.alignlab.monitor.http.QueryParams;

/** Parses the reviewer API's parameters and body fields; a bad value is a 400 naming the parameter or field. */
final class ReviewParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_REASON_LENGTH = 4000;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ReviewParams() {
    }

    static UUID requiredUuid(String parameter, String value) {
        UUID uuid = QueryParams.optionalUuid(parameter, value);
        if (uuid == null) {
            throw new BadParameterException(parameter, "required");
        }
        return uuid;
    }

    /** An ISO-8601 duration such as {@code PT5M}, not negative; null when absent. */
    static Duration optionalAge(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration age = Duration.parse(value.strip());
            if (age.isNegative()) {
                throw new BadParameterException(parameter, "must not be negative");
            }
            return age;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "not an ISO-8601 duration such as PT5M");
        }
    }

    static HeldAction.Status status(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return HeldAction.Status.HELD;
        }
        return parse(parameter, value, HeldAction.Status.class);
    }

    static int limit(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(parameter, "must be a whole number from 1 to " + MAX_LIMIT);
    }

    static ReviewerDecisions.Choice choice(DecisionRequest request) {
        if (request == null || request.decision() == null || request.decision().isBlank()) {
            throw new BadParameterException("decision", "required: one of "
                    + Arrays.toString(ReviewerDecisions.Choice.values()));
        }
        return parse("decision", request.decision(), ReviewerDecisions.Choice.class);
    }

    /** The hash an approval binds to, as the held-action views show it: 64 lowercase hex digits, required. */
    static String approvedHash(DecisionRequest request) {
        String hash = request.contentHash();
        if (hash == null || hash.isBlank()) {
            throw new BadParameterException("contentHash", "required to approve: the contentHash of the action as "
                    + "you read it (GET /api/actions/{actionId})");
        }
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new BadParameterException("contentHash", "must be a SHA-256 as 64 lowercase hex digits");
        }
        return hash;
    }

    static String reason(DecisionRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadParameterException("reason", "required: say why, for the audit log");
        }
        if (request.reason().length() > MAX_REASON_LENGTH) {
            throw new BadParameterException("reason", "longer than " + MAX_REASON_LENGTH + " characters");
        }
        return request.reason().strip();
    }

    private static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
