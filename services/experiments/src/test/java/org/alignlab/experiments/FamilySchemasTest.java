package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.alignlab.experiments.overopt.OveroptParams;
import org.alignlab.experiments.probe.ProbeParams;
import org.alignlab.experiments.script.ScriptFamily;
import org.alignlab.experiments.w2s.W2sParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each family's params schema in contracts agrees with the param class the runner actually reads. */
class FamilySchemasTest {

    /** The param class of each built-in family, read from a raw params map. */
    private static final Map<String, Function<Map<String, Object>, Record>> PARAMS = Map.of(
            "weak-to-strong", W2sParams::from,
            "reward-overoptimization", OveroptParams::from,
            "linear-probe", ProbeParams::from);

    @ParameterizedTest
    @ValueSource(strings = {"weak-to-strong", "reward-overoptimization", "linear-probe"})
    void defaultsValidateAndMatchTheSchemasDefaults(String family) {
        JsonSchema schema = schema(family);
        JsonNode defaults = Json.mapper().valueToTree(PARAMS.get(family).apply(Map.of()));

        assertThat(EventValidator.describe(schema.validate(defaults))).isEmpty();
        JsonNode properties = schema.getSchemaNode().get("properties");
        assertThat(names(properties)).isEqualTo(names(defaults));
        properties.fields().forEachRemaining(property -> {
            JsonNode declared = property.getValue().get("default");
            JsonNode actual = defaults.get(property.getKey());
            assertThat(declared).as(property.getKey() + " has a default").isNotNull();
            assertThat(declared.asDouble()).as(property.getKey()).isEqualTo(actual.asDouble());
            assertThat(property.getValue().get("type").asText()).as(property.getKey())
                    .isEqualTo(actual.isIntegralNumber() ? "integer" : "number");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"weak-to-strong", "reward-overoptimization", "linear-probe"})
    void valuesOutsideTheSchemasBoundsAreRejectedByTheRunnerToo(String family) {
        JsonNode properties = schema(family).getSchemaNode().get("properties");
        properties.fields().forEachRemaining(property -> {
            JsonNode p = property.getValue();
            double step = p.get("type").asText().equals("integer") ? 1 : p.get("minimum").asDouble() / 10 + 1e-9;
            for (double outside : new double[] {p.get("minimum").asDouble() - step,
                    p.get("maximum").asDouble() + step}) {
                Object value = p.get("type").asText().equals("integer") ? (Object) (long) outside : outside;
                assertThatThrownBy(() -> PARAMS.get(family).apply(Map.of(property.getKey(), value)))
                        .as(property.getKey() + " = " + value)
                        .isInstanceOf(InvalidParamsException.class);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"weak-to-strong", "reward-overoptimization", "linear-probe"})
    void schemaRejectsAnUnknownParamAsTheRunnerDoes(String family) {
        ObjectNode params = Json.mapper().createObjectNode().put("noSuchParam", 1);

        assertThat(EventValidator.describe(schema(family).validate(params))).isNotEmpty();
        assertThatThrownBy(() -> PARAMS.get(family).apply(Map.of("noSuchParam", 1)))
                .isInstanceOf(InvalidParamsException.class);
    }

    /** {@code script} has no params schema by design: its params are the script's own (the monitor agrees). */
    @Test
    void everyBuiltInFamilyButScriptHasASchemaAndAParamClassHere() {
        List<String> withParamClasses = FamiliesMain.builtIn().names().stream()
                .filter(name -> !name.equals(ScriptFamily.NAME))
                .toList();
        assertThat(FamiliesMain.builtIn().names()).contains(ScriptFamily.NAME);
        assertThat(withParamClasses).containsExactlyInAnyOrderElementsOf(PARAMS.keySet());
        for (String family : withParamClasses) {
            assertThat(schema(family).getSchemaNode().get("$id").asText())
                    .isEqualTo(EventValidator.SCHEMA_BASE + "families/" + family + ".schema.json");
        }
    }

    private static JsonSchema schema(String family) {
        return EventValidator.instance().load("families/" + family + ".schema.json");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
