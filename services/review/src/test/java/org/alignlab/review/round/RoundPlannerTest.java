package org.alignlab.review.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Decision;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.review.claim.ClaimEvidence;
import org.alignlab.review.claim.ReviewSettings;
import org.junit.jupiter.api.Test;

class RoundPlannerTest {

    private static final UUID GOAL = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");
    private static final String W2S = "weak-to-strong";

    private final RoundPlanner planner = new RoundPlanner(ReviewSettings.DEFAULTS,
            family -> W2S.equals(family) ? Optional.of(new RoundPlanner.Metric("pgr", true, OptionalDouble.empty()))
                    : Optional.empty(),
            new ReplicationFactory(900, 1800), new HeldoutSeeds(10, 20, 0.05, ReviewSettings.POWER));

    @Test
    void candidatesNamingTheirBaselineBecomeClaimsWithHeldOutReplications() {
        ActionView baseline = run(action("Baseline: defaults", Map.of(), null, 5), 0.4);
        ActionView candidate = run(action("raise alpha", Map.of("auxLossAlpha", 0.5), baseline.id(), 5), 0.5);

        RoundPlan plan = planner.plan(1, List.of(candidate, baseline), Optional.empty(), NOW);

        assertThat(plan.baseline()).isEqualTo(baseline.id());
        assertThat(plan.claims()).containsExactly(
                new RoundPlan.PlannedClaim(candidate.id(), baseline.id(), "pgr", true));
        assertThat(plan.singles()).isEmpty();
        assertThat(plan.replications()).hasSize(2).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(ActionType.REPLICATE_EXPERIMENT);
            assertThat(r.agent()).isEqualTo(Agent.REVIEW);
            assertThat(r.spec().split()).isEqualTo(Split.HELDOUT);
            assertThat(r.spec().seeds()).hasSize(10).doesNotHaveDuplicates().allMatch(seed -> seed >= 1_000_000);
            assertThat(r.round()).isEqualTo(1);
            assertThat(EventCodec.encode(r)).contains("REPLICATE_EXPERIMENT");
        });
        assertThat(plan.replications()).extracting(AgentAction::parentActionId)
                .containsExactly(baseline.id(), candidate.id());
        AgentAction candidateReplication = plan.replications().get(1);
        assertThat(candidateReplication.spec().params()).isEqualTo(candidate.action().spec().params());
        assertThat(candidateReplication.id()).isEqualTo(ReplicationFactory.idFor(candidate.id(), Split.HELDOUT));
        // Twice the seeds of the original run ⇒ twice its time, within the monitor's ceilings.
        assertThat(candidateReplication.spec().resources()).isEqualTo(new ResourceRequest(200, 1024, 400));
    }

    @Test
    void aConfigurationWithFewerThanKSeedsIsToppedUpOnValidation() {
        ActionView baseline = run(action("Baseline", Map.of(), null, 2), 0.4);
        ActionView candidate = run(action("wider", Map.of("hidden", 128), null, 5), 0.5);

        RoundPlan plan = planner.plan(2, List.of(baseline, candidate), Optional.empty(), NOW);

        List<AgentAction> topUps = plan.replications().stream()
                .filter(r -> r.spec().split() == Split.VALIDATION).toList();
        assertThat(topUps).singleElement().satisfies(topUp -> {
            assertThat(topUp.parentActionId()).isEqualTo(baseline.id());
            assertThat(topUp.spec().seeds()).hasSize(3).doesNotContainAnyElementsOf(baseline.action().spec().seeds());
            assertThat(topUp.policy()).isEqualTo(ReplicationFactory.VALIDATION_POLICY);
        });
    }

    @Test
    void runsThatCannotBeComparedAreReviewedOnTheirOwn() {
        ActionView failed = new ActionView(UUID.randomUUID(), action("x", Map.of("hidden", 8), null, 5), null, null,
                result(UUID.randomUUID(), ExperimentStatus.FAILED, 0.1, 5), null);
        ActionView lonely = run(action("wider", Map.of("hidden", 128), null, 5), 0.5);
        ActionView blocked = new ActionView(UUID.randomUUID(), action("y", Map.of("hidden", 9), null, 5),
                Decision.BLOCK, null, null, null);

        RoundPlan plan = planner.plan(1, List.of(failed, lonely, blocked), Optional.empty(), NOW);

        assertThat(plan.claims()).isEmpty();
        assertThat(plan.replications()).isEmpty();
        assertThat(plan.singles()).extracting(s -> s.run().id()).containsExactly(failed.id(), lonely.id());
        assertThat(plan.singles().get(0).why()).isNull();
        assertThat(plan.singles().get(1).why()).contains("no baseline");
    }

    @Test
    void aBaselineAloneIsReviewedOnItsOwnAndAnEarlierRoundsBaselineIsReused() {
        ActionView baseline = run(action("Baseline", Map.of(), null, 5), 0.4);
        assertThat(planner.plan(1, List.of(baseline), Optional.empty(), NOW).singles())
                .singleElement().satisfies(s -> assertThat(s.why()).contains("no candidate"));

        ActionView candidate = run(action("deeper", Map.of("epochs", 30), null, 5), 0.5);
        RoundPlan second = planner.plan(2, List.of(candidate), Optional.of(baseline), NOW);
        assertThat(second.claims()).singleElement()
                .satisfies(c -> assertThat(c.baseline()).isEqualTo(baseline.id()));
        // The earlier baseline's replication exists already: only the candidate is replicated.
        assertThat(second.replications()).extracting(AgentAction::parentActionId).containsExactly(candidate.id());
    }

    @Test
    void aFamilyWithoutAMetricIsNotCompared() {
        ActionView probe = run(action("Baseline", Map.of(), null, 5, "linear-probe"), 0.9);

        assertThat(planner.plan(1, List.of(probe), Optional.empty(), NOW).singles())
                .singleElement().satisfies(s -> assertThat(s.why()).contains("no metric"));
    }

    @Test
    void planningTwiceProposesTheSameReplications() {
        ActionView baseline = run(action("Baseline", Map.of(), null, 5), 0.4);
        ActionView candidate = run(action("c", Map.of("hidden", 32), baseline.id(), 5), 0.5);

        assertThat(planner.plan(1, List.of(baseline, candidate), Optional.empty(), NOW).replications())
                .isEqualTo(planner.plan(1, List.of(candidate, baseline), Optional.empty(), NOW).replications());
    }

    @Test
    void theAssemblerJoinsRunsTopUpsAndReplicationsAndWaitsForReplications() {
        ActionView baseline = run(action("Baseline", Map.of(), null, 5), 0.4);
        ActionView candidate = run(action("c", Map.of("hidden", 32), baseline.id(), 3), 0.5);
        RoundPlan plan = planner.plan(1, List.of(baseline, candidate), Optional.empty(), NOW);
        List<ActionView> goal = new ArrayList<>(List.of(baseline, candidate));
        for (AgentAction replication : plan.replications()) {
            goal.add(new ActionView(replication.id(), replication, Decision.ALLOW, null, null, null));
        }
        ClaimAssembler waiting = new ClaimAssembler(byId(goal));
        RoundPlan.PlannedClaim claim = plan.claims().get(0);
        assertThat(waiting.replicationsSettled(claim)).isFalse();

        List<ActionView> done = goal.stream().map(view -> view.action().agent() != Agent.REVIEW ? view
                : new ActionView(view.id(), view.action(), Decision.ALLOW, null,
                        result(view.id(), ExperimentStatus.SUCCEEDED,
                                view.action().parentActionId().equals(candidate.id()) ? 0.7 : 0.3,
                                view.action().spec().seeds().size()),
                        null))
                .toList();
        ClaimAssembler assembler = new ClaimAssembler(byId(done));
        ClaimEvidence evidence = assembler.evidence(claim);

        assertThat(assembler.replicationsSettled(claim)).isTrue();
        assertThat(evidence.validationCandidate()).hasSize(5).contains(0.5, 0.7);
        assertThat(evidence.validationBaseline()).hasSize(5);
        assertThat(evidence.heldoutCandidate()).hasSize(10).containsOnly(0.7);
        assertThat(evidence.heldoutBaseline()).hasSize(10).containsOnly(0.3);
        assertThat(assembler.coveredActions(claim)).hasSize(5)
                .startsWith(candidate.id(), baseline.id());
    }

    @Test
    void aDeferredReplicationDoesNotCountAndItsReplacementIsCovered() {
        ActionView baseline = run(action("Baseline", Map.of(), null, 5), 0.4);
        ActionView candidate = run(action("c", Map.of("hidden", 32), baseline.id(), 5), 0.5);
        RoundPlan plan = planner.plan(1, List.of(baseline, candidate), Optional.empty(), NOW);
        UUID replacement = UUID.randomUUID();
        List<ActionView> goal = new ArrayList<>(List.of(baseline, candidate));
        for (AgentAction r : plan.replications()) {
            goal.add(r.parentActionId().equals(candidate.id())
                    ? new ActionView(r.id(), r, Decision.DEFER_TO_TRUSTED, replacement, null, null)
                    : new ActionView(r.id(), r, Decision.ALLOW, null, result(r.id(), ExperimentStatus.SUCCEEDED,
                            0.4, 10), null));
        }
        ClaimAssembler assembler = new ClaimAssembler(byId(goal));
        RoundPlan.PlannedClaim claim = plan.claims().get(0);

        assertThat(assembler.replicationsSettled(claim)).isFalse(); // the replacement has not settled yet
        assertThat(assembler.evidence(claim).heldoutCandidate()).isEmpty();
        assertThat(assembler.coveredActions(claim)).contains(replacement);
    }

    private static Map<UUID, ActionView> byId(List<ActionView> views) {
        return views.stream().collect(Collectors.toMap(ActionView::id, Function.identity()));
    }

    @Test
    void heldOutReplicationsGetTheSeedsThePowerForTheSmallestEffectNeedsWithinTheBudget() {
        RoundPlanner withDelta = new RoundPlanner(ReviewSettings.DEFAULTS,
                family -> Optional.of(new RoundPlanner.Metric("pgr", true, OptionalDouble.of(0.05))),
                new ReplicationFactory(900, 1800), new HeldoutSeeds(10, 20, 0.05, ReviewSettings.POWER));
        ActionView baseline = run(action("Baseline: defaults", Map.of(), null, 2), 0.30, 0.50);
        ActionView candidate = run(action("raise alpha", Map.of("auxLossAlpha", 0.5), baseline.id(), 2), 0.35, 0.55);
        ActionView flat = run(action("Baseline: defaults", Map.of(), null, 2), 0.40, 0.40);
        ActionView flatCandidate = run(action("raise alpha", Map.of("auxLossAlpha", 0.5), flat.id(), 2), 0.45, 0.45);

        // sd 0.14 against δ = 0.05 needs about 124 seeds per arm: the budget's 20.
        assertThat(withDelta.plan(1, List.of(candidate, baseline), Optional.empty(), NOW).replications())
                .filteredOn(r -> r.spec().split() == Split.HELDOUT)
                .hasSize(2).allSatisfy(r -> assertThat(r.spec().seeds()).hasSize(20));
        // No spread at all: the minimum.
        assertThat(withDelta.plan(1, List.of(flatCandidate, flat), Optional.empty(), NOW).replications())
                .filteredOn(r -> r.spec().split() == Split.HELDOUT)
                .hasSize(2).allSatisfy(r -> assertThat(r.spec().seeds()).hasSize(10));
    }

    private static ActionView run(AgentAction action, double... perSeed) {
        List<SeedMetrics> seeds = IntStream.range(0, perSeed.length)
                .mapToObj(i -> new SeedMetrics(i + 1, Map.of("pgr", perSeed[i]))).toList();
        double mean = java.util.Arrays.stream(perSeed).average().orElseThrow();
        return new ActionView(action.id(), action, Decision.ALLOW, null, new ExperimentResult(action.id(), GOAL,
                ExperimentStatus.SUCCEEDED, null, Map.of("pgr", mean), seeds, NOW, NOW, 1, null, null, null, null,
                null, null), null);
    }

    private static ActionView run(AgentAction action, double value) {
        return new ActionView(action.id(), action, Decision.ALLOW, null,
                result(action.id(), ExperimentStatus.SUCCEEDED, value, action.spec().seeds().size()), null);
    }

    private static AgentAction action(String hypothesis, Map<String, Object> params, UUID parent, int seeds) {
        return action(hypothesis, params, parent, seeds, W2S);
    }

    private static AgentAction action(String hypothesis, Map<String, Object> params, UUID parent, int seeds,
            String family) {
        List<Integer> seedList = IntStream.rangeClosed(1, seeds).boxed().toList();
        return new AgentAction(UUID.randomUUID(), GOAL, 1, Agent.IDEATION, "search", ActionType.RUN_EXPERIMENT,
                parent, hypothesis, new ExperimentSpec(family, params, seedList, Split.VALIDATION,
                        new ResourceRequest(100, 1024, 200), null),
                NOW);
    }

    private static ExperimentResult result(UUID actionId, ExperimentStatus status, double value, int seeds) {
        List<SeedMetrics> perSeed = IntStream.rangeClosed(1, seeds)
                .mapToObj(seed -> new SeedMetrics(seed, Map.of("pgr", value))).toList();
        return new ExperimentResult(actionId, GOAL, status, null, Map.of("pgr", value), perSeed, NOW, NOW, 1, null,
                null, null, null, null, null);
    }
}
