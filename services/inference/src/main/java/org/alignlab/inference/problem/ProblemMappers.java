package org.alignlab.inference.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.alignlab.inference.model.ModelStoreUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, never as a stack trace or class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    @ServerExceptionMapper
    public Response storeUnavailable(ModelStoreUnavailableException e) {
        return Response.fromResponse(Problem.response(503, "model-store-unavailable", "Model store unavailable",
                        e.getMessage(), null))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
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
