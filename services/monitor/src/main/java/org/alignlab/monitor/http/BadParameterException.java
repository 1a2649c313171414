package org.alignlab.monitor.http;

import java.util.List;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/** A request parameter the service cannot use; answered with 400 naming the parameter. */
public class BadParameterException extends ProblemException {

    static final String INVALID_PARAMETER = Problem.TYPE_BASE + "invalid-parameter";

    public BadParameterException(String parameter, String message) {
        super(new Problem(INVALID_PARAMETER, "Invalid request parameter", 400, parameter + ": " + message,
                List.of(new Problem.Violation(parameter, message))));
    }
}
