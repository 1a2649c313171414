package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.platform.http.ProblemException;

/**
 * The goals a caller may reach: a researcher their own, reviewers and operators every goal. A goal the caller may not
 * see answers exactly as an unknown one (404), so one researcher cannot learn which ids another's goals have.
 */
@ApplicationScoped
public class GoalAccess {

    static final String NOT_OWNER = Problem.TYPE_BASE + "not-goal-owner";

    @Inject
    GoalRepository goals;
    @Inject
    Caller caller;

    /** The goal, if the caller may see it; 404 {@code not-found} otherwise. */
    public Goal visible(UUID id) {
        return goals.findByIdOptional(id).filter(caller::maySee).orElseThrow(() -> GoalService.notFound(id));
    }

    /**
     * Refuses a caller who does not own {@code goal}: only its researcher may cancel a goal. 404 when the caller may
     * not see it (as for an unknown goal); 403 when they may see it but it is not theirs (a caller who is also a
     * reviewer or operator).
     */
    public void requireOwner(Goal goal) {
        if (!caller.maySee(goal)) {
            throw GoalService.notFound(goal.id());
        }
        if (!goal.isOwnedBy(caller.subject())) {
            throw new ProblemException(new Problem(NOT_OWNER, "Not the goal's owner", 403,
                    "only the researcher who created goal " + goal.id() + " may cancel it", null));
        }
    }
}
