package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;
import org.alignlab.contracts.families.FamilyParam;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The family catalogue in contracts agrees with the runners in this module, family by family, with no list kept
 * here: adding a family is one catalogue entry, one schema and one runner, and any drift between them fails here.
 */
class FamilyCatalogueTest {

    private static final FamilyCatalogue CATALOGUE = FamilyCatalogue.standard();
    private static final Families RUNNERS = FamiliesMain.builtIn();

    static Stream<String> declaredFamilies() {
        return CATALOGUE.families().stream().filter(FamilyDefinition::hasParamsSchema).map(FamilyDefinition::name);
    }

    @Test
    void theCatalogueAndTheRunnersNameTheSameFamilies() {
        assertThat(new TreeSet<>(RUNNERS.names())).isEqualTo(new TreeSet<>(CATALOGUE.names()));
        CATALOGUE.families().forEach(family -> assertThat(family.hasParamsSchema())
                .as(family.name() + ": a params schema unless it runs agent code").isNotEqualTo(family.agentCode()));
    }

    @ParameterizedTest
    @MethodSource("declaredFamilies")
    void theRunnersDefaultsAreTheSchemasDefaultsAndValidate(String name) {
        FamilyDefinition family = CATALOGUE.get(name);
        JsonNode runnerDefaults = Json.mapper().valueToTree(runner(name).readParams(Map.of()));

        assertThat(family.violations(Json.mapper().convertValue(runnerDefaults, Map.class))).isEmpty();
        assertThat(new TreeSet<>(family.defaults().keySet())).isEqualTo(fieldNames(runnerDefaults));
        for (FamilyParam param : family.params()) {
            JsonNode actual = runnerDefaults.get(param.name());
            assertThat(param.defaultNumber()).as(name + "." + param.name()).isEqualTo(actual.asDouble());
            assertThat(param.integer()).as(name + "." + param.name() + " is an integer")
                    .isEqualTo(actual.isIntegralNumber());
        }
    }

    @ParameterizedTest
    @MethodSource("declaredFamilies")
    void valuesOutsideTheSchemasBoundsAreRejectedByTheRunnerToo(String name) {
        for (FamilyParam param : CATALOGUE.get(name).params()) {
            double step = param.integer() ? 1 : param.minimum() / 10 + 1e-9;
            for (double outside : new double[] {param.minimum() - step, param.maximum() + step}) {
                Object value = param.integer() ? (Object) (long) outside : outside;
                assertThat(CATALOGUE.get(name).violations(Map.of(param.name(), value)))
                        .as(name + "." + param.name() + " = " + value + " in the schema").isNotEmpty();
                assertThatThrownBy(() -> runner(name).readParams(Map.of(param.name(), value)))
                        .as(name + "." + param.name() + " = " + value + " in the runner")
                        .isInstanceOf(InvalidParamsException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("declaredFamilies")
    void anUnknownParamIsRejectedByTheSchemaAndTheRunner(String name) {
        assertThat(CATALOGUE.get(name).violations(Map.of("noSuchParam", 1))).isNotEmpty();
        assertThatThrownBy(() -> runner(name).readParams(Map.of("noSuchParam", 1)))
                .isInstanceOf(InvalidParamsException.class);
    }

    /**
     * The metrics the platform judges and optimises are metrics the runner reports: one small run per family at the
     * low end of its searchable ranges (where training is cheapest), seed 1.
     */
    @ParameterizedTest
    @MethodSource("declaredFamilies")
    void theJudgedMetricAndTheSearchObjectiveAreMetricsTheRunnerReports(String name) {
        FamilyDefinition family = CATALOGUE.get(name);
        Map<String, Double> metrics = runner(name).run(smallRun(family), 1, Split.VALIDATION);

        List<String> needed = Stream.concat(family.judgedMetric().stream(), family.searchObjective().stream())
                .map(FamilyMetric::name).toList();
        assertThat(needed).as(name + " declares a judged metric and an objective").hasSize(2);
        assertThat(metrics.keySet()).containsAll(needed);
    }

    private static Map<String, Object> smallRun(FamilyDefinition family) {
        Map<String, Object> params = new HashMap<>();
        for (String shrink : List.of("nTrain", "nTest", "nProbe", "prompts")) {
            family.param(shrink).ifPresent(p -> params.put(shrink, (int) Math.max(p.minimum(), 400)));
        }
        family.param("epochs").ifPresent(p -> params.put("epochs", (int) Math.max(p.minimum(), 5)));
        return params;
    }

    private static ExperimentFamily runner(String name) {
        return RUNNERS.find(name).orElseThrow(() -> new AssertionError("no runner for family " + name));
    }

    private static TreeSet<String> fieldNames(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
