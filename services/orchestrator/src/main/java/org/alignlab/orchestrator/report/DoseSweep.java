package org.alignlab.orchestrator.report;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;

/**
 * One factor's dose–response as the report holds it: the baseline run the goal's claims are compared with, and each
 * validation run ideation proposed that changes that factor alone from it (what its one-factor-at-a-time design
 * sweeps), at the factor's value in that run. A run that changes several parameters says nothing about one factor;
 * review's replications (held-out, or validation seeds added to a configuration already on the sweep) are not doses
 * of the sweep, and a result that failed the re-execution audit is no evidence: none of them is a dose. Pure.
 *
 * @param metric the family's judged metric, as every plot of the report
 * @param doses  the runs on the sweep, the baseline among them, by dose (runs at one dose in the report's order)
 */
record DoseSweep(String factor, String metric, Dose baseline, List<Dose> doses) {

    private static final String IDEATION = Agent.IDEATION.name();
    private static final String VALIDATION = Split.VALIDATION.name();

    /**
     * One run on the sweep.
     *
     * @param dose  the factor's value in the run, the family's default where the run left it out
     * @param value the run's metric: its mean over seeds
     * @param low   the lower end of the run's 95 % interval over seeds ({@code <metric>_ci95_lo}); null when the run
     *              reported none
     * @param high  the upper end ({@code <metric>_ci95_hi}); null when the run reported none
     */
    record Dose(UUID actionId, double dose, double value, Double low, Double high) {

        boolean hasInterval() {
            return low != null && high != null;
        }
    }

    /**
     * The sweep of {@code factor}; none when the report has no baseline with a numeric value of the factor, or fewer
     * than two distinct doses (the baseline's included): one dose shows no response.
     */
    static Optional<DoseSweep> of(Report report, String factor, String metric) {
        Set<UUID> quarantined = new HashSet<>();
        report.claims().forEach(claim -> quarantined.addAll(claim.quarantinedActions()));
        List<Report.ActionEntry> runs = report.actions().stream()
                .filter(action -> onTheSweep(action, metric, quarantined)).toList();
        Map<String, Object> defaults = FamilyCatalogue.standard().find(report.goal().family())
                .map(FamilyDefinition::defaults).orElse(Map.of());
        Optional<Report.ActionEntry> baseline = baselineOf(report).flatMap(id -> runs.stream()
                .filter(run -> run.actionId().equals(id)).findFirst());
        Optional<Dose> baselineDose = baseline.flatMap(run -> dose(run, factor, metric, defaults));
        if (baselineDose.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> baselineParams = baseline.get().proposal().params();
        List<Dose> doses = Stream.concat(Stream.of(baselineDose.get()), runs.stream()
                .filter(run -> List.of(factor).equals(ClaimChange.changedNames(defaults, baselineParams,
                        run.proposal().params())))
                .map(run -> dose(run, factor, metric, defaults))
                .flatMap(Optional::stream))
                .sorted(Comparator.comparingDouble(Dose::dose))
                .toList();
        if (doses.stream().map(Dose::dose).distinct().count() < 2) {
            return Optional.empty();
        }
        return Optional.of(new DoseSweep(factor, metric, baselineDose.get(), doses));
    }

    /** A succeeded ideation run on validation data with a finite metric, whose result reproduced. */
    private static boolean onTheSweep(Report.ActionEntry action, String metric, Set<UUID> quarantined) {
        Report.ProposalEntry proposal = action.proposal();
        return proposal != null && IDEATION.equals(proposal.agent())
                && (proposal.split() == null || VALIDATION.equals(proposal.split()))
                && action.result() != null && action.result().status() == ExperimentStatus.SUCCEEDED
                && action.result().metrics() != null && finite(action.result().metrics().get(metric))
                && !quarantined.contains(action.actionId());
    }

    /**
     * The ideation run the report's claims compare their candidates with, as review chose it; the one most claims
     * use when rounds had different baselines (the better-ranked claim's on a tie). None before any claim.
     */
    private static Optional<UUID> baselineOf(Report report) {
        Map<UUID, Integer> uses = new LinkedHashMap<>();
        for (Report.ClaimEntry claim : report.claims()) {
            claim.provenance().stream()
                    .filter(p -> IDEATION.equals(p.agent()) && !p.actionId().equals(claim.claimId()))
                    .findFirst()
                    .ifPresent(p -> uses.merge(p.actionId(), 1, Integer::sum));
        }
        return uses.entrySet().stream()
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
                .map(Map.Entry::getKey);
    }

    /** The run as a dose of {@code factor}; none when the factor has no numeric value in it. */
    private static Optional<Dose> dose(Report.ActionEntry run, String factor, String metric,
            Map<String, Object> defaults) {
        if (!(ClaimChange.completed(defaults, run.proposal().params()).get(factor) instanceof Number dose)
                || !Double.isFinite(dose.doubleValue())) {
            return Optional.empty();
        }
        Map<String, Double> metrics = run.result().metrics();
        Double low = metrics.get(metric + "_ci95_lo");
        Double high = metrics.get(metric + "_ci95_hi");
        boolean interval = finite(low) && finite(high);
        return Optional.of(new Dose(run.actionId(), dose.doubleValue(), metrics.get(metric), interval ? low : null,
                interval ? high : null));
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
