package org.alignlab.ideation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.ideation.config.TestConfigs;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SearchPolicyTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "alignlab.ideation.families.weak-to-strong.search", "auxLossAlpha,noise,nonlinearity",
            "alignlab.ideation.families.linear-probe.params.epochs", "3",
            "alignlab.ideation.families.linear-probe.seeds", "7,8,9");

    private final SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(SETTINGS));
    private final SearchPolicy policy = new SearchPolicy(spaces, TestConfigs.ideation(SETTINGS));

    @Test
    void roundOneIsTheBaselineThenALatinHypercubeOverTheSearchedRanges() {
        RoundRequested round = round(UUID.randomUUID(), 1, "weak-to-strong", "Does the aux loss raise PGR?");

        List<Proposal> proposals = policy.propose(round, GoalHistory.empty());

        assertThat(proposals).hasSize(5);
        Proposal baseline = proposals.get(0);
        assertThat(baseline.policy()).isEqualTo(SearchPolicy.BASELINE);
        assertThat(baseline.spec().params()).isEmpty();
        assertThat(baseline.hypothesis()).contains("Does the aux loss raise PGR?").contains("baseline").contains("PGR");
        List<Proposal> design = proposals.subList(1, 5);
        assertThat(design).allSatisfy(p -> {
            assertThat(p.policy()).isEqualTo(SearchPolicy.SPACE_FILLING);
            assertThat(p.type()).isEqualTo(ActionType.RUN_EXPERIMENT);
            assertThat(p.spec().split()).isEqualTo(Split.VALIDATION);
            assertThat(p.spec().seeds()).containsExactly(1, 2);
            assertThat(p.spec().resources()).isEqualTo(new ResourceRequest(300, 1536, 300));
            assertThat(p.spec().params()).containsOnlyKeys("auxLossAlpha", "noise", "nonlinearity");
            assertThat(violations("weak-to-strong", p.spec().params())).isEmpty();
            assertThat(p.hypothesis()).contains("Changes from the baseline: ").contains("Metric: pgr")
                    .contains("Predicted direction");
        });
        // Four strata per parameter, one point in each: the design spans every searched range.
        assertStrata(design, "auxLossAlpha", 0, 0.2);
        assertStrata(design, "noise", 0.5, 2);
        assertStrata(design, "nonlinearity", 0.25, 1);
    }

    @Test
    void theDesignIsTheSameForTheSameGoalAndRound() {
        UUID goal = UUID.randomUUID();

        List<Map<String, Object>> first = params(
                policy.propose(round(goal, 1, "weak-to-strong", "q"), GoalHistory.empty()));
        List<Map<String, Object>> again = params(
                policy.propose(round(goal, 1, "weak-to-strong", "q"), GoalHistory.empty()));
        List<Map<String, Object>> other = params(policy.propose(round(UUID.randomUUID(), 1, "weak-to-strong", "q"),
                GoalHistory.empty()));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void testedConfigurationsAreNeverProposedAgainEvenWrittenDifferently() {
        UUID goal = UUID.randomUUID();
        List<Proposal> first = policy.propose(round(goal, 1, "weak-to-strong", "q"), GoalHistory.empty());
        List<Trial> trials = new ArrayList<>();
        for (Proposal p : first) {
            trials.add(new Trial(spaces.configKey("weak-to-strong", p.spec().params()), p.spec().params(), null,
                    Map.of()));
        }
        // The baseline written out with the schema's defaults is still the baseline.
        assertThat(spaces.configKey("weak-to-strong", Map.of("noise", 1.0, "epochs", 15)))
                .isEqualTo(trials.get(0).configKey());

        List<Proposal> second = policy.propose(round(goal, 2, "weak-to-strong", "q"), new GoalHistory(trials));

        Set<String> tested = new HashSet<>();
        trials.forEach(t -> tested.add(t.configKey()));
        assertThat(second).hasSize(2).noneMatch(p -> p.policy().equals(SearchPolicy.BASELINE));
        assertThat(second).allSatisfy(p -> assertThat(tested).doesNotContain(
                spaces.configKey("weak-to-strong", p.spec().params())));
    }

    /** Fixed goals, so every run checks the same designs; each is one trial of the search. */
    static LongStream goals() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "goal seed {0}")
    @MethodSource("goals")
    void laterRoundsModelTheResultsAndMoveTowardsTheOptimum(long seed) {
        // A smooth synthetic PGR with its maximum inside the searched box.
        ToDoubleFunction<Map<String, Object>> pgr = params -> 1
                - Math.pow((number(params, "auxLossAlpha", 0) - 0.14) / 0.2, 2)
                - Math.pow((number(params, "noise", 1) - 1.6) / 1.5, 2)
                - Math.pow((number(params, "nonlinearity", 0.5) - 0.4) / 0.75, 2);
        UUID goal = new UUID(seed, seed * 31);
        List<Trial> trials = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Double> design = new ArrayList<>();
        List<Double> modelled = new ArrayList<>();
        for (int number = 1; number <= 6; number++) {
            for (Proposal p : policy.propose(round(goal, number, "weak-to-strong", "q"), new GoalHistory(trials))) {
                String key = spaces.configKey("weak-to-strong", p.spec().params());
                assertThat(keys.add(key)).as("round %d repeats %s", number, key).isTrue();
                double value = pgr.applyAsDouble(p.spec().params());
                trials.add(new Trial(key, p.spec().params(), ExperimentStatus.SUCCEEDED, Map.of("pgr", value)));
                if (number == 1) {
                    design.add(value);
                } else {
                    assertThat(p.policy()).isEqualTo(SearchPolicy.MODEL);
                    assertThat(p.hypothesis()).contains("Predicted direction: pgr ").contains("± ");
                    modelled.add(value);
                }
            }
        }

        assertThat(modelled).hasSize(10);
        // The synthetic optimum is 1.
        assertThat(modelled.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .as("best of the model's picks").isGreaterThan(0.95);
        assertThat(mean(modelled)).as("mean of the model's picks").isGreaterThan(mean(design));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void failedRunsAndMissingMetricsDoNotFeedTheModel() {
        UUID goal = UUID.randomUUID();
        List<Trial> trials = new ArrayList<>();
        for (Proposal p : policy.propose(round(goal, 1, "weak-to-strong", "q"), GoalHistory.empty())) {
            trials.add(new Trial(spaces.configKey("weak-to-strong", p.spec().params()), p.spec().params(),
                    trials.size() % 2 == 0 ? ExperimentStatus.FAILED : ExperimentStatus.SUCCEEDED, Map.of("acc", 0.5)));
        }

        assertThat(policy.propose(round(goal, 2, "weak-to-strong", "q"), new GoalHistory(trials)))
                .extracting(Proposal::policy).containsOnly(SearchPolicy.SPACE_FILLING);
    }

    @Test
    void configuredBaselineParamsAndSeedsTravelTypedAndEverySearchedParamStaysInItsSchema() {
        List<Proposal> proposals = policy.propose(round(UUID.randomUUID(), 1, "linear-probe", "Where is it?"),
                GoalHistory.empty());

        assertThat(proposals.get(0).spec().params()).containsExactly(Map.entry("epochs", 3L));
        assertThat(proposals).allSatisfy(p -> {
            assertThat(p.spec().seeds()).containsExactly(7, 8, 9);
            assertThat(p.spec().params()).containsEntry("epochs", 3L);
            assertThat(violations("linear-probe", p.spec().params())).isEmpty();
        });
    }

    @Test
    void scriptFamilyHasNothingToSearchAndAnUnknownFamilyGetsItsBaselineOnce() {
        assertThat(policy.propose(round(UUID.randomUUID(), 1, "script", "Anything?"), GoalHistory.empty())).isEmpty();

        List<Proposal> unknown = policy.propose(round(UUID.randomUUID(), 1, "sparse-autoencoder", "Monosemantic?"),
                GoalHistory.empty());
        assertThat(unknown).singleElement().satisfies(p -> {
            assertThat(p.policy()).isEqualTo(SearchPolicy.BASELINE);
            assertThat(p.hypothesis()).contains("no direction is stated");
        });
        GoalHistory tested = new GoalHistory(List.of(new Trial(spaces.configKey("sparse-autoencoder", Map.of()),
                Map.of(), null, Map.of())));
        assertThat(policy.propose(round(UUID.randomUUID(), 2, "sparse-autoencoder", "again"), tested)).isEmpty();
    }

    @Test
    void aLongQuestionIsCutSoTheHypothesisFitsTheSchema() {
        assertThat(policy.propose(round(UUID.randomUUID(), 1, "weak-to-strong", "x".repeat(4000)),
                GoalHistory.empty())).allSatisfy(p -> assertThat(p.hypothesis().length()).isLessThanOrEqualTo(4000));
    }

    private static void assertStrata(List<Proposal> design, String param, double lo, double hi) {
        List<Integer> strata = design.stream()
                .map(p -> (int) Math.min(design.size() - 1,
                        Math.floor((number(p.spec().params(), param, 0) - lo) / (hi - lo) * design.size())))
                .sorted().toList();
        assertThat(strata).as("strata of %s", param).containsExactly(0, 1, 2, 3);
    }

    private static double number(Map<String, Object> params, String name, double absent) {
        Object value = params.get(name);
        return value == null ? absent : ((Number) value).doubleValue();
    }

    private static List<String> violations(String family, Map<String, Object> params) {
        return FamilyCatalogue.standard().get(family).violations(params);
    }

    private static List<Map<String, Object>> params(List<Proposal> proposals) {
        return proposals.stream().map(p -> (Map<String, Object>) new HashMap<>(p.spec().params())).toList();
    }

    private static RoundRequested round(UUID goal, int number, String family, String question) {
        return new RoundRequested(goal, number, family, question, new Budget(5, 3000, 6, 3600), List.of());
    }
}
