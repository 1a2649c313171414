package org.alignlab.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every 4xx/5xx of every service's HTTP API. Clients switch on
 * {@code type}, never on titles. Null members, and {@code violations} when empty, are left off the wire: the
 * services serialise with Quarkus' mapper, not {@link org.alignlab.contracts.json.Json}, so the record says so
 * itself.
 *
 * @param violations the fields at fault of a 400; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Every AlignLab problem type is this base plus a slug; a service's own types are built from it. */
    public static final String TYPE_BASE = "https://alignlab.org/problems/";

    /** A request body or parameter that cannot be used; the violations name the fields. */
    public static final String INVALID_REQUEST = TYPE_BASE + "invalid-request";
    /** An unknown resource or route. */
    public static final String NOT_FOUND = TYPE_BASE + "not-found";
    /** Any other status for an unmatched method or media type; the document carries the actual status. */
    public static final String HTTP_ERROR = TYPE_BASE + "http-error";
    /** Something the request needs (the service's database) is unavailable for now: 503 with Retry-After. */
    public static final String UNAVAILABLE = TYPE_BASE + "unavailable";
    /** An unexpected failure; the detail says no more than that, the service logs the rest. */
    public static final String INTERNAL_ERROR = TYPE_BASE + "internal-error";

    /** One invalid field of a request: its JSON path or parameter name, and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
