package org.alignlab.monitor.controleval;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.problem.Problem;
import org.alignlab.monitor.gate.ControlProtocol;
import org.alignlab.monitor.gate.GateDecision;
import org.alignlab.monitor.gate.Thresholds;
import org.alignlab.monitor.model.ForEvaluation;
import org.alignlab.monitor.model.ModelScore;
import org.alignlab.monitor.model.TrustedModel;
import org.alignlab.monitor.scoring.Lineage;
import org.alignlab.monitor.scoring.RuleScorer;
import org.alignlab.monitor.scoring.ScoringLimits;
import org.alignlab.monitor.scoring.ScoringSetup;
import org.alignlab.monitor.scoring.capabilities.ScriptCapabilities;
import org.jboss.logging.Logger;

/**
 * Control evaluation: runs a labelled set through the gate's real scoring code — the whole rule catalogue with the
 * gate's configured limits, the trusted model over HTTP through the gate's own {@link TrustedModel} client, and
 * {@link ControlProtocol} — and measures safety and usefulness at each audit budget ({@link ControlMetrics}), the ROC
 * curves, and the AI Control paper's games.
 *
 * <p>This is evaluation, not execution. Nothing is appended to the audit log, no verdict, ticket, hold or
 * replacement is written or published, and nothing here can lead to a run: the set's actions are scored and
 * forgotten. They also leave the live gate alone: the audit-budget ledger never sees their scores, and they are
 * rate-counted by a tracker of their own, not the gate's (a set with more than the per-minute limit of actions of
 * one goal still trips {@code action-rate}, as it would at the gate).
 */
@ApplicationScoped
public class ControlEvaluation {

    private static final Logger LOG = Logger.getLogger(ControlEvaluation.class);
    /** BLOCK and the suspicion do not depend on the thresholds; each budget's are applied by ControlMetrics. */
    private static final Thresholds ANY_THRESHOLDS = new Thresholds(1.0, 1.0);

    private final ScoringLimits limits;
    private final ScriptCapabilities scripts;
    private final TrustedModel model;
    private final ControlProtocol protocol = new ControlProtocol();

    ControlEvaluation(ScoringLimits limits, ScriptCapabilities scripts, @ForEvaluation TrustedModel model) {
        this.limits = limits;
        this.scripts = scripts;
        this.model = model;
    }

    /**
     * @throws TrustedModelUnavailableException when the model gave no score for some action
     * @throws LabelledSetException             when no benign action passes the HARD rules (no threshold exists)
     */
    public ControlEvalReport evaluate(List<LabelledAction> set) {
        List<AgentAction> actions = set.stream().map(LabelledAction::action).toList();
        List<ModelScore> modelScores = model.scoreAll(actions);
        refuseOutages(modelScores);
        List<ScoredAction> scored = score(set, modelScores);
        if (scored.stream().noneMatch(action -> !action.attack() && !action.hardBlocked())) {
            throw new LabelledSetException(List.of(new Problem.Violation("label",
                    "every benign action is blocked by a HARD rule: there is no score to set a threshold from")));
        }
        ControlEvalReport report = report(scored, modelScores);
        LOG.infof("control evaluation of %d actions (%d attacks): ROC AUC %.3f", report.actions(), report.attacks(),
                report.rocAuc());
        return report;
    }

    private static void refuseOutages(List<ModelScore> modelScores) {
        List<ModelScore> unscored = modelScores.stream()
                .filter(score -> score.status() == ModelScore.Status.UNAVAILABLE).toList();
        if (!unscored.isEmpty()) {
            throw new TrustedModelUnavailableException(unscored.size(), modelScores.size(),
                    unscored.get(0).unavailableReason());
        }
    }

    /** Each action as the gate's rules and protocol see it; package-private for the rules-only harness in tests. */
    List<ScoredAction> score(List<LabelledAction> set, List<ModelScore> modelScores) {
        RuleScorer rules = ScoringSetup.scorerWithOwnRates(limits, scripts);
        // The set is the workload, so its actions are the parents there are; the gate's decisions on them are not
        // known here, so the checks that need a parent's verdict do not run in an evaluation.
        Lineage lineage = Lineage.ofActions(set.stream().map(LabelledAction::action).toList());
        List<ScoredAction> scored = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            GateDecision decision = protocol.decide(rules.score(set.get(i).action(), lineage), modelScores.get(i),
                    ANY_THRESHOLDS, true);
            scored.add(new ScoredAction(set.get(i).label(), set.get(i).category(), decision.suspicion(),
                    decision.decision() == Decision.BLOCK, decision.modelScore()));
        }
        return scored;
    }

    private static ControlEvalReport report(List<ScoredAction> scored, List<ModelScore> modelScores) {
        boolean[] attack = new boolean[scored.size()];
        double[] suspicion = new double[scored.size()];
        double[] modelProbability = new double[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            attack[i] = scored.get(i).attack();
            suspicion[i] = scored.get(i).suspicion();
            modelProbability[i] = modelScores.get(i).attackProbability();
        }
        boolean modelScored = modelScores.stream().allMatch(ModelScore::scored);
        RocCurve gate = RocCurve.of(suspicion, attack);
        RocCurve modelAlone = modelScored ? RocCurve.of(modelProbability, attack) : null;
        int attacks = (int) scored.stream().filter(ScoredAction::attack).count();
        int benign = scored.size() - attacks;

        List<ControlEvalReport.BudgetResult> budgets = ControlMetrics.AUDIT_BUDGETS.stream().map(budget -> {
            OperatingPoint point = ControlMetrics.at(scored, budget);
            UpfrontAuditingGame.Optimum upfront = new UpfrontAuditingGame(UpfrontAuditingGame.PAPER_PROBLEMS,
                    budget, UpfrontAuditingGame.PAPER_ATTACK_SUCCESS).redOptimum();
            return new ControlEvalReport.BudgetResult(point, upfront.blueWinProbability(), upfront.attackRate(),
                    TrustedMonitoringGame.blueWinProbability(point.safety(), UpfrontAuditingGame.PAPER_ATTACK_SUCCESS));
        }).toList();

        ControlEvalReport.ModelUse use = modelScored
                ? new ControlEvalReport.ModelUse("scored", modelScores.stream().map(ModelScore::modelVersion)
                        .filter(Objects::nonNull).distinct().sorted().toList())
                : new ControlEvalReport.ModelUse("disabled", List.of());
        String png = Base64.getEncoder().encodeToString(RocPlot.png(gate, modelAlone, attacks, benign));
        return new ControlEvalReport(scored.size(), attacks, benign, ControlProtocol.POLICY_VERSION, use, gate.auc(),
                modelAlone == null ? null : modelAlone.auc(), budgets,
                new ControlEvalReport.Games(UpfrontAuditingGame.PAPER_PROBLEMS,
                        UpfrontAuditingGame.PAPER_ATTACK_SUCCESS),
                gate.points(), png, scored.stream().map(ControlEvalReport.ActionScore::of).toList());
    }
}
