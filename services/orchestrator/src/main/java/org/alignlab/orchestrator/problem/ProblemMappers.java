package org.alignlab.orchestrator.problem;

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
import org.alignlab.contracts.problem.Problem;
import org.alignlab.contracts.security.AuthProblems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem document, so no client ever sees a stack trace or a class name.
 * These mappers are more specific than (or override) the built-in ones of Quarkus REST and Hibernate Validator.
 */
public class ProblemMappers {

    /** The field named when the body as a whole is at fault (missing, not JSON, not an object). */
    static final String BODY = "body";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return invalid(violations);
    }

    /** Unknown fields, wrong types and bodies of the wrong shape, as Quarkus REST's Jackson reader throws them. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String message = e instanceof UnrecognizedPropertyException ? "unknown field" : describeMismatch(e);
        return invalid(List.of(new Problem.Violation(fieldOf(e), message)));
    }

    /** Covers unmatched routes and methods, and bodies that are not JSON (wrapped as 400 by the reader). */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalid(List.of(new Problem.Violation(BODY, "not valid JSON: " + json.getOriginalMessage())));
        }
        int status = e.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String reason = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : ProblemType.HTTP_ERROR;
        return respond(new Problem(type.uri(), reason, status, reason, List.of()));
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
        LOG.error("unhandled error", e);
        ProblemType type = ProblemType.INTERNAL;
        return respond(new Problem(type.uri(), type.title(), type.status(),
                "the request could not be completed; the error is logged", List.of()));
    }

    private static Response invalid(List<Problem.Violation> violations) {
        ProblemType type = ProblemType.INVALID_REQUEST;
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(type.uri(), type.title(), type.status(), detail, violations));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        return "must be an object";
    }
}
