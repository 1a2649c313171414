package org.alignlab.monitor.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.contracts.security.AuthProblems;
import org.alignlab.monitor.controleval.LabelledSetException;
import org.alignlab.monitor.controleval.TrustedModelUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the HTTP API into {@code application/problem+json}; never a class name or stack trace. */
public class ProblemMappers {

    static final String INVALID_PARAMETER = Problem.TYPE_BASE + "invalid-parameter";
    static final String TRUSTED_MODEL_UNAVAILABLE = Problem.TYPE_BASE + "trusted-model-unavailable";
    /** How long a control evaluation should wait before asking again while the model is unavailable. */
    static final String RETRY_AFTER_SECONDS = "30";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return respond(new Problem(INVALID_PARAMETER, "Invalid request parameter", 400,
                e.getMessage(), e.violations()));
    }

    /** A control-evaluation set with bad entries: one violation per line and field. */
    @ServerExceptionMapper
    public Response badLabelledSet(LabelledSetException e) {
        return respond(new Problem(Problem.INVALID_REQUEST, "Invalid labelled set", 400, e.getMessage(),
                e.violations()));
    }

    @ServerExceptionMapper
    public Response trustedModelUnavailable(TrustedModelUnavailableException e) {
        Problem problem = new Problem(TRUSTED_MODEL_UNAVAILABLE, "Trusted model unavailable", 503, e.getMessage(),
                null);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
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
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage() != null ? e.getMessage() : status.getReasonPhrase(), null));
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
