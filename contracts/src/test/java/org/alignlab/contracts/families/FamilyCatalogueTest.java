package org.alignlab.contracts.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FamilyCatalogueTest {

    private static final FamilyCatalogue CATALOGUE = FamilyCatalogue.standard();

    /** Surefire runs in the module directory. */
    private static final Path SCHEMA_DIR = Path.of("schemas/families");

    @Test
    void everyParameterSchemaInTheFolderIsInTheCatalogueAndNothingElse() throws IOException {
        TreeSet<String> files;
        try (Stream<Path> listing = Files.list(SCHEMA_DIR)) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".schema.json"))
                    .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        TreeSet<String> withSchemas = CATALOGUE.families().stream().filter(FamilyDefinition::hasParamsSchema)
                .map(FamilyDefinition::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(withSchemas).isEqualTo(files);
        assertThat(CATALOGUE.names()).containsExactly("weak-to-strong", "reward-overoptimization", "linear-probe",
                "script");
    }

    @Test
    void everyFamilyWithParametersSaysHowItIsJudgedAndSearched() {
        for (FamilyDefinition family : CATALOGUE.families()) {
            if (family.agentCode()) {
                assertThat(family.judgedMetric()).as(family.name()).isEmpty();
                assertThat(family.searchable()).as(family.name()).isEmpty();
                continue;
            }
            FamilyMetric judged = family.judgedMetric().orElseThrow();
            assertThat(judged.smallestEffect()).as(family.name()).isPresent();
            assertThat(judged.smallestEffect().getAsDouble()).as(family.name()).isPositive();
            assertThat(family.searchObjective()).as(family.name()).isPresent();
            assertThat(family.searchable()).as(family.name()).isNotEmpty();
            family.searchable().forEach((name, range) -> {
                FamilyParam param = family.param(name).orElseThrow();
                assertThat(param.numeric()).as(family.name() + "." + name).isTrue();
                assertThat(range.lo()).as(family.name() + "." + name).isGreaterThanOrEqualTo(param.minimum());
                assertThat(range.hi()).as(family.name() + "." + name).isLessThanOrEqualTo(param.maximum());
            });
        }
    }

    @Test
    void aQuestionNamesTheFactorsItAsksAboutByNameByWordsOrByTheCataloguesNamesForThem() {
        FamilyDefinition w2s = FamilyCatalogue.standard().find("weak-to-strong").orElseThrow();
        FamilyDefinition overopt = FamilyCatalogue.standard().find("reward-overoptimization").orElseThrow();

        assertThat(w2s.factorsNamedIn("Does the auxiliary confidence loss raise PGR, and for which weak/strong gaps?"))
                .containsExactly("auxLossAlpha");
        assertThat(w2s.factorsNamedIn("How do auxLossAlpha and the NOISE interact?"))
                .containsExactly("auxLossAlpha", "noise");
        assertThat(w2s.factorsNamedIn("Does aux loss alpha matter?")).containsExactly("auxLossAlpha");
        assertThat(overopt.factorsNamedIn("Does more proxy data move the gold reward's peak?"))
                .containsExactly("proxySamples");
        // Whole words only: "noisebridge" names no factor, and nothing is guessed from an unrelated question.
        assertThat(w2s.factorsNamedIn("Is noisebridge a good name?")).isEmpty();
        assertThat(w2s.factorsNamedIn("What is weak-to-strong generalisation?")).isEmpty();
    }

    @Test
    void everyFamilyWithParametersEstimatesItsComputeAndTheDefaultsCostOne() {
        for (FamilyDefinition family : CATALOGUE.families()) {
            if (family.agentCode()) {
                assertThat(family.costRatio(Map.of())).as(family.name()).isEmpty();
                continue;
            }
            assertThat(family.costRatio(Map.of()).orElseThrow()).as(family.name()).isEqualTo(1.0);
        }
    }

    @Test
    void computeGrowsWithTheSizeParamsAndNotWithTheOthers() {
        FamilyDefinition w2s = CATALOGUE.get("weak-to-strong");

        double doubleData = w2s.costRatio(Map.of("nTrain", 4000, "nTest", 4000)).orElseThrow();
        double everyKnobAtItsMaximum = w2s.costRatio(Map.of("nTrain", 1_000_000, "epochs", 1000, "hidden", 4096,
                "features", 1000)).orElseThrow();

        assertThat(doubleData).isCloseTo(2.0, within(1e-9));
        assertThat(w2s.costRatio(Map.of("noise", 2.0, "auxLossAlpha", 0.2)).orElseThrow()).isEqualTo(1.0);
        assertThat(everyKnobAtItsMaximum).isGreaterThan(1e8);
    }

    @Test
    void defaultsAreTypedAsTheSchemaDeclaresThem() {
        FamilyDefinition w2s = CATALOGUE.get("weak-to-strong");

        assertThat(w2s.defaults()).containsEntry("epochs", 15).containsEntry("noise", 1.0)
                .containsEntry("auxLossAlpha", 0.0);
        assertThat(w2s.effective(Map.of("epochs", 3))).containsEntry("epochs", 3).containsEntry("nTrain", 2000);
        assertThat(CATALOGUE.get("script").defaults()).isEmpty();
    }

    @Test
    void paramsAreCheckedAgainstTheSchemaNamingTheParameter() {
        FamilyDefinition w2s = CATALOGUE.get("weak-to-strong");

        assertThat(w2s.violations(Map.of())).isEmpty();
        assertThat(w2s.violations(Map.of("epochs", 5000))).singleElement().asString().contains("epochs");
        assertThat(w2s.violations(Map.of("weakSize", 16))).singleElement().asString().contains("weakSize");
        assertThat(CATALOGUE.get("script").violations(Map.of("anything", "goes"))).isEmpty();
    }

    @Test
    void configurationMayNarrowTheCatalogueButNeverAddToIt() {
        assertThat(CATALOGUE.narrow(Optional.empty(), "k")).containsExactlyInAnyOrderElementsOf(CATALOGUE.names());
        assertThat(CATALOGUE.narrow(Optional.of(List.of("script", "weak-to-strong")), "k"))
                .containsExactlyInAnyOrder("script", "weak-to-strong");
        assertThatThrownBy(() -> CATALOGUE.narrow(Optional.of(List.of("weak-to-strong", "reward-hacking")),
                "alignlab.monitor.known-families"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alignlab.monitor.known-families").hasMessageContaining("reward-hacking");
    }

    @Test
    void anUnknownFamilyIsNamedWithTheKnownOnes() {
        assertThat(CATALOGUE.find("reward-hacking")).isEmpty();
        assertThat(CATALOGUE.contains(null)).isFalse();
        assertThatThrownBy(() -> CATALOGUE.get("reward-hacking")).hasMessageContaining("linear-probe");
    }
}
