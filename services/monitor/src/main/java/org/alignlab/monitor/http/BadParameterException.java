package org.alignlab.monitor.http;

import java.util.List;
import org.alignlab.contracts.problem.Problem;

/** A request parameter the service cannot use; answered with 400 naming the parameter. */
public class BadParameterException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public BadParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.violations = List.of(new Problem.Violation(parameter, message));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
