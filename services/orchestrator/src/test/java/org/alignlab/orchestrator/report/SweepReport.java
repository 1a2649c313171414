package org.alignlab.orchestrator.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.orchestrator.budget.Spending;
import org.alignlab.orchestrator.goal.GoalResponse;
import org.alignlab.orchestrator.goal.GoalStatus;

/**
 * A weak-to-strong goal asking about auxLossAlpha, noise and nonlinearity, with the one-factor-at-a-time sweep
 * ideation designs for it (baseline: every parameter at its default, auxLossAlpha 0, noise 1, nonlinearity 0.5) and
 * what a dose–response plot must leave out: a run that changes two parameters, review's replications, a quarantined
 * result and a failed run. Each run's pgr has the 95 % interval over seeds a runner reports beside it.
 */
final class SweepReport {

    static final UUID GOAL = UUID.randomUUID();
    static final UUID BASELINE = UUID.randomUUID();
    static final UUID ALPHA_005 = UUID.randomUUID();
    static final UUID ALPHA_010 = UUID.randomUUID();
    static final UUID ALPHA_015 = UUID.randomUUID();
    static final UUID NOISE_15 = UUID.randomUUID();
    /** auxLossAlpha and nonlinearity at once: about neither. */
    static final UUID TWO_AT_ONCE = UUID.randomUUID();
    static final UUID HELDOUT_REPLICATION = UUID.randomUUID();
    static final UUID VALIDATION_REPLICATION = UUID.randomUUID();
    /** auxLossAlpha 0.2, whose result did not reproduce when re-run. */
    static final UUID QUARANTINED = UUID.randomUUID();
    static final UUID FAILED = UUID.randomUUID();

    private SweepReport() {
    }

    static Report report() {
        List<Report.ActionEntry> actions = List.of(
                run(BASELINE, "IDEATION", "VALIDATION", Map.of(), 0.40, 0.35, 0.45),
                // Proposed out of dose order: the plot sorts them.
                run(ALPHA_015, "IDEATION", "VALIDATION", Map.of("auxLossAlpha", 0.15), 0.55, 0.50, 0.61),
                run(ALPHA_005, "IDEATION", "VALIDATION", Map.of("auxLossAlpha", 0.05), 0.44, 0.40, 0.49),
                run(ALPHA_010, "IDEATION", null, Map.of("auxLossAlpha", 0.1), 0.50, 0.46, 0.53),
                run(NOISE_15, "IDEATION", "VALIDATION", Map.of("noise", 1.5), 0.31, 0.27, 0.36),
                run(TWO_AT_ONCE, "IDEATION", "VALIDATION", Map.of("auxLossAlpha", 0.2, "nonlinearity", 1.0), 0.9,
                        0.85, 0.95),
                run(HELDOUT_REPLICATION, "REVIEW", "HELDOUT", Map.of("auxLossAlpha", 0.15), 0.2, 0.1, 0.3),
                run(VALIDATION_REPLICATION, "REVIEW", "VALIDATION", Map.of("auxLossAlpha", 0.05), 0.1, 0.0, 0.2),
                run(QUARANTINED, "IDEATION", "VALIDATION", Map.of("auxLossAlpha", 0.2), 0.95, 0.9, 1.0),
                failed(FAILED, Map.of("auxLossAlpha", 0.12)));
        List<Report.ClaimEntry> claims = List.of(
                claim(1, ALPHA_015, ReviewVerdict.ACCEPTED, List.of(), HELDOUT_REPLICATION),
                claim(2, ALPHA_005, ReviewVerdict.INCONCLUSIVE, List.of()),
                claim(3, ALPHA_010, ReviewVerdict.INCONCLUSIVE, List.of()),
                claim(4, NOISE_15, ReviewVerdict.REJECTED, List.of()),
                claim(5, TWO_AT_ONCE, ReviewVerdict.INCONCLUSIVE, List.of()),
                claim(6, QUARANTINED, ReviewVerdict.REJECTED, List.of(QUARANTINED)));
        List<Report.Answer> answer = List.of(
                new Report.Answer("auxLossAlpha", true, Report.Answer.SUPPORTED, 1, 0.12, List.of(0.05, 0.2), "e"),
                new Report.Answer("noise", true, Report.Answer.NOT_SUPPORTED, 4, -0.09, List.of(-0.15, -0.03), "e"),
                new Report.Answer("nonlinearity", true, Report.Answer.INCONCLUSIVE, null, null, null, "e"));
        return report(actions, claims, answer);
    }

    static Report report(List<Report.ActionEntry> actions, List<Report.ClaimEntry> claims,
            List<Report.Answer> answer) {
        GoalResponse goal = new GoalResponse(GOAL, "researcher-1", "How do auxLossAlpha, noise and nonlinearity "
                + "change pgr?", "weak-to-strong", answer.stream().map(Report.Answer::factor).toList(),
                GoalStatus.COMPLETED, 1, new Budget(20, 900, 1, 1200), Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                actions.size(), new Spending(actions.size(), 40, 1, 60), null, "budget.rounds: 1 of 1 spent", null);
        return new Report(goal, GoalStatus.COMPLETED, Instant.EPOCH, actions, claims,
                claims.stream().map(c -> c.verdict() + " for claim " + c.claimId()).toList(), answer);
    }

    static Report.ActionEntry run(UUID id, String agent, String split, Map<String, Object> params, double pgr,
            double low, double high) {
        return action(id, agent, split, params, ExperimentStatus.SUCCEEDED,
                Map.of("pgr", pgr, "pgr_std", 0.05, "pgr_ci95_lo", low, "pgr_ci95_hi", high));
    }

    static Report.ActionEntry withoutInterval(UUID id, Map<String, Object> params, double pgr) {
        return action(id, "IDEATION", "VALIDATION", params, ExperimentStatus.SUCCEEDED, Map.of("pgr", pgr));
    }

    /** A claim on {@code candidate} against the baseline, with the replications review ran for it. */
    static Report.ClaimEntry claim(int rank, UUID candidate, ReviewVerdict verdict, List<UUID> quarantined,
            UUID... replications) {
        List<Report.Provenance> provenance = new ArrayList<>(List.of(provenance(candidate, "IDEATION",
                "VALIDATION"), provenance(BASELINE, "IDEATION", "VALIDATION")));
        for (UUID replication : replications) {
            provenance.add(provenance(replication, "REVIEW", "HELDOUT"));
        }
        return new Report.ClaimEntry(rank, candidate, 1, "a change", verdict, 0.5, 0.1, List.of(0.0, 0.2), 0.01,
                0.02, "judged", List.of(), provenance, quarantined);
    }

    private static Report.Provenance provenance(UUID action, String agent, String split) {
        return new Report.Provenance(action, agent, split, ExperimentStatus.SUCCEEDED,
                "http://monitor/api/audit/records?actionId=" + action, 1L, "a".repeat(64), "trace", false);
    }

    private static Report.ActionEntry failed(UUID id, Map<String, Object> params) {
        return action(id, "IDEATION", "VALIDATION", params, ExperimentStatus.FAILED, Map.of());
    }

    private static Report.ActionEntry action(UUID id, String agent, String split, Map<String, Object> params,
            ExperimentStatus status, Map<String, Double> metrics) {
        return new Report.ActionEntry(id, "trace-1",
                new Report.ProposalEntry(1, agent, "RUN_EXPERIMENT", "search/factor-sweep", "h", new HashMap<>(params),
                        split, null),
                null, new Report.AuditEntry("http://monitor/api/audit/records?actionId=" + id, 7L, "a".repeat(64)),
                new Report.ResultEntry(status, metrics, 1000, null, "trace-1", 20.0), null);
    }
}
