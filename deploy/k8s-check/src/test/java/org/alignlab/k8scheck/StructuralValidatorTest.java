package org.alignlab.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' reading of a schema, on small schemas written for the test (the real ones are checked in
 * ChecksRejectBadManifestsTest and OverlaysTest where the schema bundle is present).
 */
class StructuralValidatorTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final StructuralValidator CRD = new StructuralValidator(Map.of(), true);
    private static final StructuralValidator BUILTIN = new StructuralValidator(Map.of(
            "io.k8s.Port", yaml("{type: object, required: [port], properties: {port: {type: integer, format: int32},"
                    + " name: {type: string}}}"),
            "io.k8s.Raw", yaml("{type: object}")), false);

    private static final JsonNode SPEC = yaml("""
            type: object
            properties:
              replicas: {type: integer, minimum: 0}
              ratio: {type: number}
              mode: {type: string, enum: [fast, safe]}
              port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
              config: {type: object, x-kubernetes-preserve-unknown-fields: true}
              labels: {type: object, additionalProperties: {type: string}}
              empty: {type: object}
              secret:
                type: object
                properties: {value: {type: string}, valueFrom: {type: object, properties: {key: {type: string}}}}
                oneOf: [{required: [value]}, {required: [valueFrom]}]
              users:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: {type: object, required: [name], properties: {name: {type: string}}}
            required: [replicas]
            """);

    @Test
    void aValidObjectHasNoErrors() {
        assertThat(CRD.validate(yaml("""
                {replicas: 2, ratio: 1, mode: safe, port: http, config: {any.key: 1, nested: {x: y}},
                 labels: {a: b}, empty: {}, secret: {valueFrom: {key: k}}, users: [{name: a}, {name: b}]}
                """), SPEC, "spec")).isEmpty();
    }

    @Test
    void unknownFieldsAreErrorsUnlessPreservedOrAMap() {
        assertThat(CRD.validate(yaml("{replicas: 1, replica: 2, config: {free: 1}, labels: {x: y}}"), SPEC, "spec"))
                .singleElement().asString().startsWith("spec.replica: unknown field");
    }

    @Test
    void anObjectSchemaWithoutFieldsIsClosedInACrdAndOpenInTheBuiltInOpenApi() {
        assertThat(CRD.validate(yaml("{replicas: 1, empty: {x: 1}}"), SPEC, "spec"))
                .containsExactly("spec.empty.x: unknown field (this object admits none)");
        assertThat(BUILTIN.validate(yaml("{anything: [1, 2]}"), yaml("{$ref: '#/components/schemas/io.k8s.Raw'}"),
                "raw")).isEmpty();
    }

    @Test
    void typesAreStrictIntegersHaveNoFractionAndIntOrStringTakesBoth() {
        assertThat(CRD.validate(yaml("{replicas: '2', ratio: 2, port: 8080}"), SPEC, "spec"))
                .containsExactly("spec.replicas: must be an integer, not the string '2'");
        assertThat(CRD.validate(yaml("{replicas: 2.5}"), SPEC, "spec"))
                .containsExactly("spec.replicas: must be an integer, not number 2.5");
        assertThat(CRD.validate(yaml("{replicas: 1, port: true}"), SPEC, "spec"))
                .containsExactly("spec.port: must be an integer or a string, not boolean true");
        assertThat(CRD.validate(yaml("{replicas: 1, labels: {a: 1}}"), SPEC, "spec"))
                .containsExactly("spec.labels.a: must be a string, not number 1");
    }

    @Test
    void requiredEnumMinimumAndNullAsAbsent() {
        assertThat(CRD.validate(yaml("{replicas: null, mode: quick}"), SPEC, "spec")).containsExactlyInAnyOrder(
                "spec.mode: \"quick\" is not one of [\"fast\",\"safe\"]", "spec.replicas: required field missing");
        assertThat(CRD.validate(yaml("{replicas: -1}"), SPEC, "spec"))
                .containsExactly("spec.replicas: -1 is below the minimum 0");
    }

    @Test
    void oneOfBranchesConstrainValuesWithoutClosingTheObject() {
        List<String> both = CRD.validate(yaml("{replicas: 1, secret: {value: v, valueFrom: {key: k}}}"), SPEC, "spec");
        List<String> neither = CRD.validate(yaml("{replicas: 1, secret: {}}"), SPEC, "spec");

        assertThat(both).singleElement().asString().startsWith("spec.secret: must match exactly one of")
                .endsWith("matches 2");
        assertThat(neither).singleElement().asString().endsWith("matches 0");
    }

    @Test
    void aListMapHoldsEachKeyOnce() {
        assertThat(CRD.validate(yaml("{replicas: 1, users: [{name: a}, {name: a}]}"), SPEC, "spec")).containsExactly(
                "spec.users: two items with the same key name=a (a list map admits each once)");
    }

    @Test
    void referencesAndTheirAllOfWrapperAreFollowed() {
        JsonNode ports = yaml("{type: array, items: {allOf: [{$ref: '#/components/schemas/io.k8s.Port'}]}}");

        assertThat(BUILTIN.validate(yaml("[{port: 80, name: http}, {name: x, protocol: TCP}]"), ports, "ports"))
                .containsExactlyInAnyOrder("ports[1].protocol: unknown field (known: port, name)",
                        "ports[1].port: required field missing");
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
