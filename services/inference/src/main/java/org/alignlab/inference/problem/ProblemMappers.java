package org.alignlab.inference.problem;

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
import org.alignlab.inference.engine.ModelBusyException;
import org.alignlab.inference.model.ModelStoreUnavailableException;
import org.alignlab.inference.serving.ModelNotLoadedException;
import org.alignlab.inference.serving.QueueFullException;
import org.alignlab.inference.serving.UnknownModelException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, never as a stack trace or class name. */
public class ProblemMappers {

    static final String MODEL_STORE_UNAVAILABLE = Problem.TYPE_BASE + "model-store-unavailable";
    /** The model exists but is loading or failed to load; the caller must not treat this as a score. */
    static final String MODEL_NOT_LOADED = Problem.TYPE_BASE + "model-not-loaded";
    /** Every predictor of the model is busy, or the answer took longer than the request timeout; retry shortly. */
    static final String MODEL_BUSY = Problem.TYPE_BASE + "model-busy";
    /** The model's queue is full; retry shortly. */
    static final String QUEUE_FULL = Problem.TYPE_BASE + "queue-full";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final String RETRY_BUSY_SECONDS = "1";

    @ServerExceptionMapper
    public Response storeUnavailable(ModelStoreUnavailableException e) {
        return retryLater(new Problem(MODEL_STORE_UNAVAILABLE, "Model store unavailable", 503, e.getMessage(), null),
                RETRY_AFTER_SECONDS);
    }

    /** No bearer token, or one that does not verify (signature, issuer, expiry): 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(respond(AuthProblems.unauthorized()))
                .header(HttpHeaders.WWW_AUTHENTICATE, AuthProblems.BEARER_CHALLENGE).build();
    }

    /** A valid token whose role may not do this. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(AuthProblems.forbidden());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return respond(new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, e.field() + ": " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response unknownModel(UnknownModelException e) {
        return respond(new Problem(Problem.NOT_FOUND, "Not Found", 404, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response modelNotLoaded(ModelNotLoadedException e) {
        return retryLater(new Problem(MODEL_NOT_LOADED, "Model not loaded", 503, e.getMessage(), null),
                RETRY_AFTER_SECONDS);
    }

    @ServerExceptionMapper
    public Response modelBusy(ModelBusyException e) {
        return retryLater(new Problem(MODEL_BUSY, "Model busy", 503, e.getMessage(), null), RETRY_BUSY_SECONDS);
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return retryLater(new Problem(QUEUE_FULL, "Queue full", 503, e.getMessage(), null), RETRY_BUSY_SECONDS);
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

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return respond(new Problem(Problem.INTERNAL_ERROR, "Internal error", 500,
                "The request could not be completed.", null));
    }

    private static Response retryLater(Problem problem, String seconds) {
        return Response.fromResponse(respond(problem)).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
