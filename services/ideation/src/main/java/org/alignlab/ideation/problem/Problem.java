package org.alignlab.ideation.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem body; {@code violations} only for 400. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://alignlab.org/problems/";

    public record Violation(String field, String message) {
    }

    public static Response response(int status, String type, String title, String detail, List<Violation> violations) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, violations))
                .build();
    }
}
