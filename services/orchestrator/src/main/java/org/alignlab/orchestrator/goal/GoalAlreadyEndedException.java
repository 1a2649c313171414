package org.alignlab.orchestrator.goal;

import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/** The goal has already ended (cancelling it again, for one): 409 with the orchestrator's own problem type. */
public class GoalAlreadyEndedException extends ProblemException {

    static final String GOAL_ENDED = Problem.TYPE_BASE + "goal-ended";

    public GoalAlreadyEndedException(Goal goal) {
        super(new Problem(GOAL_ENDED, "Goal already ended", 409, "goal " + goal.id() + " has already ended "
                + goal.status(), null));
    }
}
