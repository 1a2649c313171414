package org.alignlab.monitor.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the HTTP API into {@code application/problem+json}; never a class name or stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String TYPE_BASE = "https://alignlab.org/problems/";

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return respond(new Problem(TYPE_BASE + "invalid-parameter", "Invalid request parameter", 400,
                e.getMessage(), e.violations()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                status.getReasonPhrase(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "the monitor could not complete the request; see its logs", null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
