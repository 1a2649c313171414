package org.alignlab.orchestrator.problem;

import java.util.List;
import org.alignlab.contracts.problem.Problem;

/** Thrown by resources and services to answer with a problem document; {@link ProblemMappers} renders it. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.problem = new Problem(type.uri(), type.title(), type.status(), detail, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public Problem problem() {
        return problem;
    }
}
