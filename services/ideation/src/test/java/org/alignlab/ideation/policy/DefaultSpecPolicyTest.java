package org.alignlab.ideation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.Budget;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.ideation.config.IdeationConfig;
import org.junit.jupiter.api.Test;

class DefaultSpecPolicyTest {

    private final DefaultSpecPolicy policy = new DefaultSpecPolicy(config(Map.of(
            "linear-probe", family(Map.of("epochs", "3", "learningRate", "0.01", "auxLoss", "true", "task", "parity"),
                    Optional.of(List.of(7, 8, 9))))));

    @Test
    void weakToStrongGetsEmptyParamsDefaultSeedsValidationSplitAndConfiguredResources() {
        List<Proposal> proposals =
                policy.propose(round("weak-to-strong", "Does PGR grow with the strong model's size?"));

        assertThat(proposals).hasSize(1);
        Proposal proposal = proposals.get(0);
        assertThat(proposal.type()).isEqualTo(ActionType.RUN_EXPERIMENT);
        ExperimentSpec spec = proposal.spec();
        assertThat(spec.family()).isEqualTo("weak-to-strong");
        assertThat(spec.params()).isEmpty();
        assertThat(spec.seeds()).containsExactly(1, 2);
        assertThat(spec.split()).isEqualTo(Split.VALIDATION);
        assertThat(spec.resources()).isEqualTo(new ResourceRequest(300, 1536, 300));
        assertThat(spec.script()).isNull();
        assertThat(proposal.hypothesis())
                .contains("Does PGR grow with the strong model's size?")
                .contains("weak-to-strong")
                .contains("validation split")
                .contains("PGR");
    }

    @Test
    void configuredFamilyParamsAreTypedAndFamilySeedsOverrideTheDefault() {
        ExperimentSpec spec = policy.propose(round("linear-probe", "Where is the concept?")).get(0).spec();

        assertThat(spec.params()).containsExactly(
                Map.entry("auxLoss", true),
                Map.entry("epochs", 3L),
                Map.entry("learningRate", 0.01),
                Map.entry("task", "parity"));
        assertThat(spec.seeds()).containsExactly(7, 8, 9);
        assertThat(spec.split()).isEqualTo(Split.VALIDATION);
    }

    @Test
    void unknownFamilyStillStatesWhatIsTestedButNoDirection() {
        Proposal proposal = policy.propose(round("sparse-autoencoder", "Are features monosemantic?")).get(0);

        assertThat(proposal.spec().family()).isEqualTo("sparse-autoencoder");
        assertThat(proposal.hypothesis()).contains("no direction is stated");
    }

    @Test
    void scriptFamilyHasNoDefaultExperiment() {
        assertThat(policy.propose(round("script", "Anything?"))).isEmpty();
    }

    @Test
    void longQuestionIsCutSoTheHypothesisFitsTheSchema() {
        String hypothesis = policy.propose(round("weak-to-strong", "x".repeat(4000))).get(0).hypothesis();

        assertThat(hypothesis.length()).isLessThanOrEqualTo(4000);
    }

    @Test
    void nameIsDefaultSpec() {
        assertThat(policy.name()).isEqualTo("default-spec");
    }

    private static RoundRequested round(String family, String question) {
        return new RoundRequested(UUID.randomUUID(), 1, family, question, new Budget(5, 3000, 3, 3600), List.of());
    }

    private static IdeationConfig.Family family(Map<String, String> params, Optional<List<Integer>> seeds) {
        return new IdeationConfig.Family() {
            @Override
            public Map<String, String> params() {
                return params;
            }

            @Override
            public Optional<List<Integer>> seeds() {
                return seeds;
            }
        };
    }

    private static IdeationConfig config(Map<String, IdeationConfig.Family> families) {
        IdeationConfig.Resources resources = new IdeationConfig.Resources() {
            @Override
            public int cpuSeconds() {
                return 300;
            }

            @Override
            public int memoryMb() {
                return 1536;
            }

            @Override
            public int wallSeconds() {
                return 300;
            }
        };
        return new IdeationConfig() {
            @Override
            public List<Integer> seeds() {
                return List.of(1, 2);
            }

            @Override
            public Resources resources() {
                return resources;
            }

            @Override
            public Map<String, Family> families() {
                return families;
            }
        };
    }
}
