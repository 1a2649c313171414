package org.alignlab.review.round;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.review.claim.ClaimEvidence;

/**
 * Gathers a planned claim's evidence from the goal's actions: the candidate's and the baseline's validation values
 * (their own runs plus review's top-ups) and their held-out replications. Only a replication that ran as proposed
 * counts: a trusted replacement runs other params and is no replication.
 */
final class ClaimAssembler {

    private final Map<UUID, ActionView> goal;

    ClaimAssembler(Map<UUID, ActionView> goal) {
        this.goal = goal;
    }

    ClaimEvidence evidence(RoundPlan.PlannedClaim claim) {
        return new ClaimEvidence(claim.candidate(), claim.metric(), claim.higherIsBetter(), smallestEffect(claim),
                validation(claim.candidate(), claim.metric()), validation(claim.baseline(), claim.metric()),
                heldout(claim.candidate(), claim.metric()), heldout(claim.baseline(), claim.metric()));
    }

    /** The catalogue's smallest effect of interest on the judged metric of the candidate's family. */
    private double smallestEffect(RoundPlan.PlannedClaim claim) {
        String family = goal.get(claim.candidate()).action().spec().family();
        return FamilyCatalogue.standard().find(family).flatMap(FamilyDefinition::judgedMetric)
                .filter(metric -> metric.name().equals(claim.metric()))
                .filter(metric -> metric.smallestEffect().isPresent())
                .map(metric -> metric.smallestEffect().getAsDouble())
                .orElseThrow(() -> new IllegalStateException("family " + family + " judges no metric "
                        + claim.metric() + " with a smallest effect of interest"));
    }

    /** Whether every replication of the claim has settled. */
    boolean replicationsSettled(RoundPlan.PlannedClaim claim) {
        return replicationsOf(claim).allMatch(view -> view.settled(goal));
    }

    /** Every action the claim's review covers: the two runs, their replications and any trusted replacements. */
    List<UUID> coveredActions(RoundPlan.PlannedClaim claim) {
        Set<UUID> ids = new LinkedHashSet<>(List.of(claim.candidate(), claim.baseline()));
        List<ActionView> replications = replicationsOf(claim).toList();
        for (ActionView replication : replications) {
            ids.add(replication.id());
            if (replication.decision() == Decision.DEFER_TO_TRUSTED && replication.replacementId() != null) {
                ids.add(replication.replacementId());
            }
        }
        return new ArrayList<>(ids);
    }

    private Stream<ActionView> replicationsOf(RoundPlan.PlannedClaim claim) {
        return Stream.of(claim.candidate(), claim.baseline())
                .flatMap(id -> Stream.of(Split.VALIDATION, Split.HELDOUT)
                        .map(split -> goal.get(ReplicationFactory.idFor(id, split))))
                .filter(view -> view != null);
    }

    private double[] validation(UUID configuration, String metric) {
        List<Double> values = new ArrayList<>(values(configuration, metric));
        values.addAll(values(ReplicationFactory.idFor(configuration, Split.VALIDATION), metric));
        return toArray(values);
    }

    private double[] heldout(UUID configuration, String metric) {
        return toArray(values(ReplicationFactory.idFor(configuration, Split.HELDOUT), metric));
    }

    private List<Double> values(UUID id, String metric) {
        return Optional.ofNullable(goal.get(id)).map(view -> view.values(metric)).orElse(List.of());
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
