package org.alignlab.ideation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdeationConfigTest {

    @Test
    void nothingConfiguredGivesTheDocumentedDefaultsNoFamiliesAndNoLlm() {
        IdeationConfig config = TestConfigs.ideation(Map.of());

        assertThat(config.seeds()).containsExactly(1, 2);
        assertThat(config.resources().cpuSeconds()).isEqualTo(300);
        assertThat(config.resources().memoryMb()).isEqualTo(1536);
        assertThat(config.resources().wallSeconds()).isEqualTo(300);
        assertThat(config.families()).isEmpty();
        assertThat(config.search().initialPoints()).isEqualTo(4);
        assertThat(config.search().perRound()).isEqualTo(2);
        assertThat(config.search().exploration()).isEqualTo(2.0);
        assertThat(config.search().candidates()).isEqualTo(1024);
        assertThat(config.llm().url()).isEmpty();
        assertThat(config.llm().apiKey()).isEmpty();
        assertThat(config.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(config.llm().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void familyKeysMayContainDashesAndCarryParamsSeedsAndTheirSearch() {
        IdeationConfig config = TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.reward-overoptimization.params.samples", "64",
                "alignlab.ideation.families.reward-overoptimization.seeds", "5,6",
                "alignlab.ideation.families.reward-overoptimization.search", "curvature,labelNoise",
                "alignlab.ideation.families.reward-overoptimization.range.curvature", "0..2",
                "alignlab.ideation.families.linear-probe.seeds", "3"));

        IdeationConfig.Family overopt = config.families().get("reward-overoptimization");
        assertThat(overopt.params()).containsExactly(Map.entry("samples", "64"));
        assertThat(overopt.seeds()).contains(List.of(5, 6));
        assertThat(overopt.search()).contains(List.of("curvature", "labelNoise"));
        assertThat(overopt.range()).containsExactly(Map.entry("curvature", "0..2"));
        IdeationConfig.Family probe = config.families().get("linear-probe");
        assertThat(probe.params()).isEmpty();
        assertThat(probe.seeds()).isEqualTo(Optional.of(List.of(3)));
        assertThat(probe.search()).isEmpty();
    }

    @Test
    void anLlmUrlTurnsTheLlmPolicyOn() {
        IdeationConfig config = TestConfigs.ideation(Map.of(
                "alignlab.ideation.llm.url", "http://127.0.0.1:9999",
                "alignlab.ideation.llm.model", "local-model",
                "alignlab.ideation.llm.timeout", "5s"));

        assertThat(config.llm().url()).contains(URI.create("http://127.0.0.1:9999"));
        assertThat(config.llm().model()).isEqualTo("local-model");
        assertThat(config.llm().timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
