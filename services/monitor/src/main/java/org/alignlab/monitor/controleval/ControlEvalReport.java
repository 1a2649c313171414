package org.alignlab.monitor.controleval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * What {@code POST /api/control-eval} answers.
 *
 * @param policyVersion the control protocol whose scoring was measured
 * @param model         {@code scored} with the served model's versions, or {@code disabled} (rules only)
 * @param rocAuc        of the gate's suspicion (rules + model, HARD hits = 1)
 * @param modelRocAuc   of the trusted model's probability alone; null when the model is disabled
 * @param budgets       one row per audit budget: 0.5, 1, 2 and 5 %
 * @param roc           the gate's ROC curve
 * @param rocPlotPng    the ROC plot, a Base64 PNG
 * @param scored        each action's score, in the set's order: what {@code control-eval --execute} needs to know
 *                      which actions the gate would have let run
 */
public record ControlEvalReport(int actions, int attacks, int benign, String policyVersion, ModelUse model,
        double rocAuc, Double modelRocAuc, List<BudgetResult> budgets, Games games, List<RocCurve.RocPoint> roc,
        String rocPlotPng, List<ActionScore> scored) {

    /** One action of the set: HARD-blocked, or held at every threshold at or below its suspicion. */
    public record ActionScore(String label, String category, double suspicion, boolean hardBlocked) {

        static ActionScore of(ScoredAction action) {
            return new ActionScore(action.label().wireName(), action.category(), action.suspicion(),
                    action.hardBlocked());
        }
    }

    public record ModelUse(String status, List<String> versions) {
    }

    /**
     * One audit budget: the operating point, and blue's chance of winning the AI Control paper's game at that budget,
     * with upfront auditing (red attacking at its optimal rate) and with this monitor in its place.
     */
    public record BudgetResult(@JsonUnwrapped OperatingPoint point, double upfrontAuditingBlueWin,
            double upfrontAuditingRedAttackRate, double trustedMonitoringBlueWin) {
    }

    /** The game's settings: the paper's number of problems and attack success per attempted backdoor. */
    public record Games(int problems, double attackSuccess) {
    }
}
