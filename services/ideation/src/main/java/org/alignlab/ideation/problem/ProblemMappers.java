package org.alignlab.ideation.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, never as a stack trace or class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Problem.response(400, "invalid-request", "Invalid request", e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
    }

    /** Unmatched routes, methods and media types; the same problem types as the orchestrator's. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        return Problem.response(status, status == 404 ? "not-found" : "http-error", reason, reason, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return Problem.response(500, "internal-error", "Internal error", "The request could not be completed.", null);
    }
}
