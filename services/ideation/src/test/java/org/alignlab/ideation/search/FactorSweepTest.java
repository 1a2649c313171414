package org.alignlab.ideation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.ideation.config.TestConfigs;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpaces;
import org.junit.jupiter.api.Test;

/** A goal that asks about factors gets a design that can answer it: one factor changed at a time. */
class FactorSweepTest {

    private static final Map<String, String> SETTINGS = Map.of();

    private final SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(SETTINGS));
    private final SearchPolicy policy = new SearchPolicy(spaces, TestConfigs.ideation(SETTINGS));

    @Test
    void aNamedFactorIsSweptAtEvenlySpacedDosesWithEveryOtherParameterAtTheBaseline() {
        RoundRequested round = round(1, "Where does PGR peak?", List.of("auxLossAlpha"));

        List<Proposal> proposals = policy.propose(round, GoalHistory.empty());

        assertThat(proposals.get(0).policy()).isEqualTo(SearchPolicy.BASELINE);
        List<Proposal> doses = proposals.subList(1, proposals.size());
        assertThat(doses).hasSize(4).allSatisfy(p -> {
            assertThat(p.policy()).isEqualTo(SearchPolicy.SWEEP);
            assertThat(p.spec().params()).containsOnlyKeys("auxLossAlpha");
            assertThat(FamilyCatalogue.standard().get("weak-to-strong").violations(p.spec().params())).isEmpty();
            assertThat(p.hypothesis()).contains("Design: a dose–response sweep of auxLossAlpha (the factor the goal "
                    + "names)").contains("Changes from the baseline: auxLossAlpha 0.0 → ")
                    .contains("Metric: pgr, validation split, seeds [1, 2].");
        });
        assertThat(doses).extracting(p -> ((Number) p.spec().params().get("auxLossAlpha")).doubleValue())
                .containsExactly(0.025, 0.075, 0.125, 0.175);
    }

    @Test
    void aFactorTheQuestionNamesIsInferredAndTheHypothesisSaysSo() {
        RoundRequested round = round(1, "Does the auxiliary confidence loss raise PGR?", List.of());

        List<Proposal> doses = policy.propose(round, GoalHistory.empty()).subList(1, 5);

        assertThat(doses).allSatisfy(p -> {
            assertThat(p.spec().params()).containsOnlyKeys("auxLossAlpha");
            assertThat(p.hypothesis()).contains("(inferred from the question, which names it)");
        });
    }

    @Test
    void twoFactorsAreSweptOneAtATimeNeverTogether() {
        RoundRequested round = round(1, "Which matters more?", List.of("auxLossAlpha", "noise"));

        List<Proposal> doses = policy.propose(round, GoalHistory.empty()).subList(1, 9);

        assertThat(doses).allSatisfy(p -> assertThat(p.spec().params()).hasSize(1));
        assertThat(doses).filteredOn(p -> p.spec().params().containsKey("noise")).hasSize(4);
        assertThat(doses).filteredOn(p -> p.spec().params().containsKey("auxLossAlpha")).hasSize(4);
    }

    @Test
    void laterRoundsModelTheSweepAndStillChangeTheFactorAlone() {
        UUID goal = UUID.randomUUID();
        List<Trial> trials = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            RoundRequested round = new RoundRequested(goal, number, "weak-to-strong", "q", List.of("auxLossAlpha"),
                    new Budget(5, 3000, 6, 3600), List.of());
            for (Proposal p : policy.propose(round, new GoalHistory(trials))) {
                double alpha = ((Number) p.spec().params().getOrDefault("auxLossAlpha", 0.0)).doubleValue();
                // A synthetic dose-response peaking at 0.14.
                double pgr = 0.5 - Math.pow((alpha - 0.14) / 0.2, 2);
                trials.add(new Trial(spaces.configKey("weak-to-strong", p.spec().params()), p.spec().params(),
                        ExperimentStatus.SUCCEEDED, Map.of("pgr", pgr)));
                assertThat(p.spec().params().keySet()).isSubsetOf("auxLossAlpha");
                if (number > 1) {
                    assertThat(p.policy()).isEqualTo(SearchPolicy.SWEEP_MODEL);
                    assertThat(p.hypothesis()).contains("Design: a dose–response sweep of auxLossAlpha")
                            .contains("Predicted: pgr ");
                }
            }
        }
        assertThat(trials).hasSize(1 + 4 + 2 + 2);
    }

    @Test
    void aGoalWhoseQuestionNamesNoFactorIsExploredAsBefore() {
        List<Proposal> proposals = policy.propose(round(1, "What is weak-to-strong generalisation?", List.of()),
                GoalHistory.empty());

        assertThat(proposals.subList(1, proposals.size())).extracting(Proposal::policy)
                .containsOnly(SearchPolicy.SPACE_FILLING);
    }

    private static RoundRequested round(int number, String question, List<String> factors) {
        return new RoundRequested(UUID.randomUUID(), number, "weak-to-strong", question, factors,
                new Budget(5, 3000, 6, 3600), List.of());
    }
}
