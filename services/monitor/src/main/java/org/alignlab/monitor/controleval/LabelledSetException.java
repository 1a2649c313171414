package org.alignlab.monitor.controleval;

import java.util.List;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/** A labelled set that cannot be evaluated; answered with 400, one violation per bad line and field. */
public class LabelledSetException extends ProblemException {

    public LabelledSetException(List<Problem.Violation> violations) {
        super(new Problem(Problem.INVALID_REQUEST, "Invalid labelled set", 400, violations.size()
                + " problem(s) in the labelled set, first: " + violations.get(0).field() + ": "
                + violations.get(0).message(), List.copyOf(violations)));
    }

    public List<Problem.Violation> violations() {
        return problem().violations();
    }
}
