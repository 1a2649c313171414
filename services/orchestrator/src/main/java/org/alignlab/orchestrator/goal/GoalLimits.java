package org.alignlab.orchestrator.goal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.orchestrator.budget.BudgetKind;
import org.alignlab.orchestrator.config.OrchestratorConfig;
import org.alignlab.platform.http.ProblemException;

/**
 * The operator's limits on new goals: each budget field within its ceiling, and a bounded number of running goals
 * per researcher, so no researcher (or agent acting for one) can take the whole platform with one request or many.
 */
@ApplicationScoped
@Startup
public class GoalLimits {

    static final String TOO_MANY_RUNNING = Problem.TYPE_BASE + "too-many-running-goals";

    private final Budget defaults;
    private final Budget ceilings;
    private final int maxRunning;

    GoalLimits(OrchestratorConfig config) {
        OrchestratorConfig.DefaultBudget d = config.defaultBudget();
        OrchestratorConfig.MaxBudget max = config.maxBudget();
        this.defaults = new Budget(d.experiments(), d.computeSeconds(), d.rounds(), d.wallSeconds());
        this.ceilings = new Budget(max.experiments(), max.computeSeconds(), max.rounds(), max.wallSeconds());
        this.maxRunning = config.maxRunningGoalsPerResearcher();
        // A default above its ceiling would refuse every goal that leaves the field out, naming a field it never sent.
        List<String> wrong = new ArrayList<>();
        for (BudgetKind kind : BudgetKind.values()) {
            if (kind.of(ceilings) < 1 || kind.of(defaults) > kind.of(ceilings)) {
                wrong.add(kind.field() + ": default " + kind.of(defaults) + ", ceiling " + kind.of(ceilings));
            }
        }
        if (!wrong.isEmpty() || maxRunning < 1) {
            throw new IllegalStateException("alignlab.orchestrator.max-budget.* must be at least 1 and at least"
                    + " each default-budget.*, and max-running-goals-per-researcher at least 1; got " + wrong
                    + ", max-running-goals-per-researcher " + maxRunning);
        }
    }

    /** The budget a new goal gets: what was asked for, a field left out taking its default. 400 above a ceiling. */
    public Budget budgetFor(BudgetRequest asked) {
        Budget budget = asked == null ? defaults : new Budget(
                asked.experiments() != null ? asked.experiments() : defaults.experiments(),
                asked.computeSeconds() != null ? asked.computeSeconds() : defaults.computeSeconds(),
                asked.rounds() != null ? asked.rounds() : defaults.rounds(),
                asked.wallSeconds() != null ? asked.wallSeconds() : defaults.wallSeconds());
        List<Problem.Violation> over = new ArrayList<>();
        for (BudgetKind kind : BudgetKind.values()) {
            if (kind.of(budget) > kind.of(ceilings)) {
                over.add(new Problem.Violation("budget." + kind.field(),
                        "must be at most " + kind.of(ceilings) + ", the ceiling this installation allows a goal"));
            }
        }
        if (!over.isEmpty()) {
            throw ProblemException.invalid(over);
        }
        return budget;
    }

    /**
     * 409 when a researcher already has the most running goals one may have. Conflict, not 429: the answer depends
     * on the researcher's goals, not on how fast they ask, and waiting helps only once one of them ends.
     *
     * @param running how many goals the researcher has running, counted under their lock
     */
    public void requireRoomForAnother(long running) {
        if (running >= maxRunning) {
            throw new ProblemException(new Problem(TOO_MANY_RUNNING, "Too many running goals", 409,
                    "you have " + running + " goals running, the most one researcher may have at once ("
                            + maxRunning + "); cancel one or wait for one to end",
                    null));
        }
    }

    public int maxRunning() {
        return maxRunning;
    }
}
