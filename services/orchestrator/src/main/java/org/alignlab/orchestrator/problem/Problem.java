package org.alignlab.orchestrator.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code violations} names the fields at fault of a 400 and is left out
 * otherwise.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request: its JSON path (or parameter name) and what is wrong with it. */
    public record Violation(String field, String message) {
    }
}
