package org.alignlab.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.alignlab.contracts.json.UnsafeInputException;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.contracts.security.AuthProblems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every service's errors as RFC 9457 problem documents, so no client ever sees a stack trace or a class name. These
 * mappers are more specific than (or override) the built-in ones of Quarkus REST and Hibernate Validator; a service
 * maps its own exception types in a class of its own, which wins for those types because it is more specific.
 */
public class ProblemMappers {

    /** The field named when the body as a whole is at fault (missing, not JSON, not an object). */
    public static final String BODY = "body";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = builder(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return respond(invalidRequest(List.of(new Problem.Violation(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return respond(invalidRequest(e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList()));
    }

    /** Unknown fields, wrong types and bodies of the wrong shape, as Quarkus REST's Jackson reader throws them. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e instanceof UnsafeInputException unsafe ? unsafe.getOriginalMessage() : describeMismatch(e);
        return respond(invalidRequest(List.of(new Problem.Violation(fieldOf(e), message))));
    }

    /** Unmatched routes, methods and media types, and bodies that are not JSON (wrapped as 400 by the reader). */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(invalidRequest(List.of(new Problem.Violation(BODY,
                    "not valid JSON: " + json.getOriginalMessage()))));
        }
        int status = e.getResponse().getStatus();
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem(status == 404 ? Problem.NOT_FOUND : Problem.HTTP_ERROR, reason, status, reason,
                null));
    }

    /** No bearer token, or one that does not verify (signature, issuer, expiry): 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return builder(AuthProblems.unauthorized())
                .header(HttpHeaders.WWW_AUTHENTICATE, AuthProblems.BEARER_CHALLENGE).build();
    }

    /** A valid token whose role may not do this. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(AuthProblems.forbidden());
    }

    /**
     * How long a client waits before retrying a request that met a dependency outage: about what a restarted
     * database takes to accept connections again.
     */
    static final int OUTAGE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DependencyOutage.causes(e)) {
            // Expected while the database restarts: the client should retry, and the log needs no stack trace.
            LOG.warnf("request failed while a dependency is unavailable: %s", e);
            return problem(ProblemException.unavailable(Problem.UNAVAILABLE, "Service unavailable",
                    "A service this request needs is unavailable for now; retry after the Retry-After seconds.",
                    OUTAGE_RETRY_AFTER_SECONDS));
        }
        LOG.error("request failed", e);
        return respond(new Problem(Problem.INTERNAL_ERROR, "Internal error", 500,
                "The request could not be completed; the error is logged.", null));
    }

    /** A 400 whose detail lists every violation as {@code field: message}. */
    public static Problem invalidRequest(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, detail, violations);
    }

    public static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /**
     * The JSON path of a violated property ({@code budget.experiments}) or, for a constraint on a parameter
     * itself, the parameter's name; the resource method's name is left out.
     */
    static String fieldOf(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                properties.add(node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? BODY : parameter;
    }

    static String fieldOf(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return field.isEmpty() ? BODY : field;
    }

    private static String describeMismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class
                || target == double.class) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        return "must be an object";
    }
}
