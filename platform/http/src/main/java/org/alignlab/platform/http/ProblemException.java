package org.alignlab.platform.http;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.problem.Problem;

/**
 * Thrown anywhere in a request to answer with a problem document; {@link ProblemMappers} renders it with its
 * headers (for example {@code Retry-After} on a 503). A service's own failures are built with the factories below
 * or a problem type of its own ({@link Problem#TYPE_BASE} plus a slug).
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** A 400 naming one field. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    /** A 400 naming every field at fault. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(ProblemMappers.invalidRequest(violations));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(new Problem(Problem.NOT_FOUND, "Not found", 404, detail, null));
    }

    /** A 503 the caller may retry after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String type, String title, String detail, int retryAfterSeconds) {
        return new ProblemException(new Problem(type, title, 503, detail, null),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
