package org.alignlab.inference.serving;

import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * No model of this name (or none of the kind asked for) was in the store when the service started: 404
 * {@code not-found}.
 */
public class UnknownModelException extends ProblemException {

    public UnknownModelException(String model) {
        super(problem("no model named '" + model + "'"));
    }

    public UnknownModelException(String model, String task) {
        super(problem("no " + task + " model named '" + model + "'"));
    }

    private static Problem problem(String detail) {
        return new Problem(Problem.NOT_FOUND, "Not Found", 404, detail, null);
    }
}
