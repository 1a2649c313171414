package org.alignlab.ideation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdeationConfigTest {

    @Test
    void nothingConfiguredGivesTheDocumentedDefaultsAndNoFamilies() {
        IdeationConfig config = mapping(Map.of());

        assertThat(config.seeds()).containsExactly(1, 2);
        assertThat(config.resources().cpuSeconds()).isEqualTo(300);
        assertThat(config.resources().memoryMb()).isEqualTo(1536);
        assertThat(config.resources().wallSeconds()).isEqualTo(300);
        assertThat(config.families()).isEmpty();
    }

    @Test
    void familyKeysMayContainDashesAndCarryParamsAndSeeds() {
        IdeationConfig config = mapping(Map.of(
                "alignlab.ideation.families.reward-overoptimization.params.samples", "64",
                "alignlab.ideation.families.reward-overoptimization.seeds", "5,6",
                "alignlab.ideation.families.linear-probe.seeds", "3"));

        assertThat(config.families().get("reward-overoptimization").params()).containsExactly(Map.entry("samples", "64"));
        assertThat(config.families().get("reward-overoptimization").seeds()).contains(List.of(5, 6));
        assertThat(config.families().get("linear-probe").params()).isEmpty();
        assertThat(config.families().get("linear-probe").seeds()).isEqualTo(Optional.of(List.of(3)));
    }

    private static IdeationConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(IdeationConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(IdeationConfig.class);
    }
}
