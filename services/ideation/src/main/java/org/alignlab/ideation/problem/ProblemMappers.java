package org.alignlab.ideation.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.contracts.security.AuthProblems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, never as a stack trace or class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return respond(new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))));
    }

    /** Unmatched routes, methods and media types; the same problem types as the orchestrator's. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem(status == 404 ? Problem.NOT_FOUND : Problem.HTTP_ERROR, reason, status, reason,
                null));
    }

    /** No bearer token, or one that does not verify (signature, issuer, expiry): 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        Problem problem = AuthProblems.unauthorized();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, AuthProblems.BEARER_CHALLENGE).build();
    }

    /** A valid token whose role may not do this. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(AuthProblems.forbidden());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return respond(new Problem(Problem.INTERNAL_ERROR, "Internal error", 500,
                "The request could not be completed.", null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
