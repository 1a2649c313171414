package org.alignlab.ideation.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alignlab.ideation.config.TestConfigs;
import org.junit.jupiter.api.Test;

class SearchSpacesTest {

    @Test
    void theCatalogueSaysWhatIsSearchedOverWhichRangesForWhichObjective() {
        SearchSpace space = new SearchSpaces(TestConfigs.ideation(Map.of())).of("weak-to-strong").orElseThrow();

        assertThat(space.dimensions()).extracting(Dimension::name)
                .containsExactly("auxLossAlpha", "noise", "nonlinearity");
        assertThat(space.dimensions()).extracting(Dimension::lo).containsExactly(0.0, 0.5, 0.25);
        assertThat(space.dimensions()).extracting(Dimension::hi).containsExactly(0.2, 2.0, 1.0);
        assertThat(space.objective()).contains("pgr");
        assertThat(space.minimize()).isFalse();
        assertThat(space.dimensions().get(1).decode(1.0 / 3)).isEqualTo(1.0);
    }

    @Test
    void configurationMayNarrowTheSearchAndItsRanges() {
        SearchSpace space = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.reward-overoptimization.search", "proxySamples,curvature",
                "alignlab.ideation.families.reward-overoptimization.range.proxySamples", "40..100")))
                .of("reward-overoptimization").orElseThrow();

        assertThat(space.dimensions()).extracting(Dimension::name).containsExactly("proxySamples", "curvature");
        assertThat(space.dimensions()).extracting(Dimension::lo).containsExactly(40.0, 0.25);
        assertThat(space.dimensions().get(0).decode(0.5)).isEqualTo(70L);
        assertThat(space.objective()).contains("gold_peak");
    }

    @Test
    void aRangeWiderThanTheCataloguesIsAConfigurationError() {
        SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.weak-to-strong.range.auxLossAlpha", "0..1")));

        assertThatThrownBy(() -> spaces.of("weak-to-strong")).hasMessageContaining("range.auxLossAlpha")
                .hasMessageContaining("only narrow");
    }

    @Test
    void aParameterTheBaselinePinsStaysPinned() {
        SearchSpace space = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.linear-probe.params.conceptWeight", "3"))).of("linear-probe").orElseThrow();

        assertThat(space.dimensions()).extracting(Dimension::name).containsExactly("labelNoise", "learningRate");
        assertThat(space.baseline()).containsExactly(Map.entry("conceptWeight", 3L));
    }

    @Test
    void aSearchedNameTheCatalogueDoesNotLetVaryIsAConfigurationError() {
        SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(Map.of(
                "alignlab.ideation.families.weak-to-strong.search", "auxLossAlpha,epochs")));

        assertThatThrownBy(() -> spaces.of("weak-to-strong")).hasMessageContaining("'epochs'");
    }

    @Test
    void aFamilyWithoutSchemaHasNoSpaceAndItsKeyIsItsParams() {
        SearchSpaces spaces = new SearchSpaces(TestConfigs.ideation(Map.of()));

        assertThat(spaces.of("script")).isEmpty();
        assertThat(spaces.of("../etc")).isEmpty();
        assertThat(spaces.configKey("script", Map.of("b", 1, "a", 2.0))).isEqualTo("{\"a\":2,\"b\":1}");
    }
}
