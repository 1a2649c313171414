package org.alignlab.monitor.controleval;

import java.util.List;
import org.alignlab.contracts.problem.Problem;

/** A labelled set that cannot be evaluated; answered with 400, one violation per bad line and field. */
public class LabelledSetException extends RuntimeException {

    private final List<Problem.Violation> violations;

    public LabelledSetException(List<Problem.Violation> violations) {
        super(violations.size() + " problem(s) in the labelled set, first: " + violations.get(0).field() + ": "
                + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
