package org.alignlab.ideation.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alignlab.ideation.config.TestConfigs;
import org.junit.jupiter.api.Test;

class SearchSpacesTest {

    @Test
    void rangesComeFromTheDefaultsUnlessConfiguredAndStayInsideTheSchema() {
        SearchSpace space = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.weak-to-strong.search", "auxLossAlpha,noise,hidden,learningRate",
                "alignlab.ideation.families.weak-to-strong.range.learningRate", "0..5",
                "alignlab.ideation.families.weak-to-strong.objective", "pgr")))
                .of("weak-to-strong").orElseThrow();

        assertThat(space.dimensions()).extracting(Dimension::name)
                .containsExactly("auxLossAlpha", "noise", "hidden", "learningRate");
        assertThat(space.dimensions()).extracting(Dimension::lo).containsExactly(0.0, 0.5, 32.0, 1e-6);
        assertThat(space.dimensions()).extracting(Dimension::hi).containsExactly(0.2, 2.0, 128.0, 1.0);
        assertThat(space.objective()).contains("pgr");
        assertThat(space.dimensions().get(2).decode(0.5)).isEqualTo(80L);
        assertThat(space.dimensions().get(1).decode(1.0 / 3)).isEqualTo(1.0);
    }

    @Test
    void withoutASearchListEveryParameterTheBaselineDoesNotPinIsSearched() {
        SearchSpace space = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.linear-probe.params.epochs", "3"))).of("linear-probe").orElseThrow();

        assertThat(space.dimensions()).extracting(Dimension::name).hasSize(13).doesNotContain("epochs");
        assertThat(space.baseline()).containsExactly(Map.entry("epochs", 3L));
        assertThat(space.objective()).isEmpty();
    }

    @Test
    void aSearchedNameTheSchemaLacksIsAConfigurationError() {
        SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.weak-to-strong.search", "temperature")));

        assertThatThrownBy(() -> spaces.of("weak-to-strong")).hasMessageContaining("temperature");
    }

    @Test
    void aFamilyWithoutSchemaHasNoSpaceAndItsKeyIsItsParams() {
        SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(Map.of()));

        assertThat(spaces.of("script")).isEmpty();
        assertThat(spaces.of("../etc")).isEmpty();
        assertThat(spaces.configKey("script", Map.of("b", 1, "a", 2.0))).isEqualTo("{\"a\":2,\"b\":1}");
    }
}
