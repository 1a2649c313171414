package org.alignlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@link SpecCheck} against the schema it stands in for: a spec is refused by the hand-written checks exactly when
 * {@code ExperimentSpec.schema.json} refuses it, and every refusal names a field; and {@link SpecLoader}'s binding
 * against Jackson's.
 */
class SpecCheckTest {

    private static final JsonSchema SCHEMA = EventValidator.instance().load("ExperimentSpec.schema.json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALID = "{\"family\": \"weak-to-strong\", \"params\": {\"epochs\": 3},"
            + " \"seeds\": [1, 2], \"split\": \"heldout\", " + SpecLoaderTest.RESOURCES + "}";

    @Test
    void acceptsWhatTheSchemaAccepts() {
        agree(VALID);
        agree("{\"family\": \"script\", \"params\": {\"n\": 3, \"label\": \"a\\tb\\nc\"}, \"seeds\": [-2147483648,"
                + " 2147483647], \"split\": \"validation\", " + SpecLoaderTest.RESOURCES
                + ", \"script\": \"class A {}\\r\\n\"}");
        agree("{\"family\": \"a\", \"params\": {\"flag\": true, \"x\": -1e15, \"y\": 1e15, \"z\": 2.0},"
                + " \"seeds\": [3.0], \"split\": \"validation\", \"resources\": {\"cpuSeconds\": 1,"
                + " \"memoryMb\": 64, \"wallSeconds\": 1}}");
        assertThat(SpecCheck.violations(plain(VALID))).isEmpty();
    }

    @Test
    void refusesWhatTheSchemaRefusesNamingTheField() {
        refused("{\"family\": \"Weak\", \"params\": {}, \"seeds\": [1], \"split\": \"validation\", "
                + SpecLoaderTest.RESOURCES + "}", "$.family");
        refused(VALID.replace("{\"epochs\": 3}", "{\"epochs\": [3]}"), "$.params.epochs");
        refused(VALID.replace("{\"epochs\": 3}", "{\"epochs\": 1e16}"), "$.params.epochs");
        refused(VALID.replace("{\"epochs\": 3}", "{\"\": 3}"), "$.params.");
        refused(VALID.replace("\"weak-to-strong\", \"params\": {\"epochs\": 3}",
                "\"script\", \"params\": {\"on\": true}"), "$.params.on");
        refused(VALID.replace("[1, 2]", "[1.5]"), "$.seeds[0]");
        refused(VALID.replace("[1, 2]", "[2147483648]"), "$.seeds[0]");
        refused(VALID.replace("[1, 2]", "[]"), "$.seeds");
        refused(VALID.replace("\"heldout\"", "\"train\""), "$.split");
        refused(VALID.replace("\"memoryMb\": 512", "\"memoryMb\": 63"), "$.resources.memoryMb");
        refused(VALID.replace("\"memoryMb\": 512", "\"memoryMb\": \"512\""), "$.resources.memoryMb");
        refused(VALID.replace(", \"wallSeconds\": 60", ""), "$.resources.wallSeconds");
        refused(VALID.replace("\"wallSeconds\": 60", "\"wallSeconds\": 60, \"gpus\": 1"), "$.resources.gpus");
        refused(VALID.replace("\"seeds\"", "\"gpu\": true, \"seeds\""), "$.gpu");
        refused(VALID.replace("\"split\": \"heldout\", ", ""), "$.split");
        refused(withScript("\"a\\u0000b\""), "$.script");
        refused(withScript("null"), "$.script");
        refused("[]", "$");
    }

    /** A field added to the schema must be added to the checks too; this says so before a valid spec is refused. */
    @Test
    void knowsTheSchemasFieldsAndMinimums() throws Exception {
        JsonNode schema;
        try (var in = SpecCheckTest.class.getResourceAsStream("/schemas/ExperimentSpec.schema.json")) {
            schema = Json.mapper().readTree(in);
        }
        assertThat(names(schema.path("properties").fieldNames())).containsExactlyInAnyOrderElementsOf(
                SpecCheck.FIELDS);
        assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(
                SpecCheck.REQUIRED);
        JsonNode resources = schema.path("properties").path("resources");
        assertThat(names(resources.path("properties").fieldNames())).containsExactlyInAnyOrderElementsOf(
                SpecCheck.RESOURCE_MINIMUM.keySet());
        SpecCheck.RESOURCE_MINIMUM.forEach((name, minimum) -> assertThat(
                resources.path("properties").path(name).path("minimum").asInt()).as(name).isEqualTo(minimum));
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** Seeded random mutations of a valid spec; the seed is printed so a failure can be replayed. */
    @Test
    void agreesWithTheSchemaOnRandomMutations() {
        long seed = System.nanoTime();
        System.out.println("SpecCheckTest seed " + seed);
        Random random = new Random(seed);
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            ObjectNode spec = (ObjectNode) tree(VALID);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(spec, random);
            }
            if (!agree(spec)) {
                refused++;
            }
        }
        assertThat(refused).as("some mutations must be refused, and some not").isBetween(100, 2900);
    }

    /** Asserts agreement; true when both accept. */
    private static boolean agree(String json) {
        return agree(tree(json));
    }

    /** Also: a spec both accept is bound to the record Jackson binds it to, value types included. */
    private static boolean agree(JsonNode tree) {
        String json = tree.toString();
        try {
            PlainJson.read(json);
        } catch (IOException beyondTheParserLimits) {
            // Refused before any check, as the mapper with the same limits refused it before.
            assertThatThrownBy(() -> Json.mapper().readTree(json)).isInstanceOf(IOException.class);
            return false;
        }
        List<String> schema = EventValidator.describe(SCHEMA.validate(tree));
        List<String> hand = SpecCheck.violations(plain(json));
        assertThat(hand.isEmpty()).as("%s: the schema says %s, the hand-written checks say %s", json, schema, hand)
                .isEqualTo(schema.isEmpty());
        hand.forEach(violation -> assertThat(violation).startsWith("$"));
        if (hand.isEmpty()) {
            try {
                ExperimentSpec jackson = Json.mapper().treeToValue(tree, ExperimentSpec.class);
                ExperimentSpec bound = SpecLoader.parse(json);
                assertThat(bound).as(json).isEqualTo(jackson);
                bound.params().forEach((name, value) -> assertThat(value).as(name)
                        .hasSameClassAs(jackson.params().get(name)));
            } catch (JsonProcessingException | InvalidSpecException e) {
                throw new AssertionError(json, e);
            }
        }
        return hand.isEmpty();
    }

    private static Object plain(String json) {
        try {
            return PlainJson.read(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static void refused(String json, String field) {
        assertThat(agree(json)).as(json).isFalse();
        assertThat(SpecCheck.violations(plain(json))).anySatisfy(v -> assertThat(v).startsWith(field + ":"));
    }

    /** As {@link SpecLoader} reads a spec: Jackson alone ({@code Json.parse} would refuse control characters). */
    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String withScript(String script) {
        return VALID.substring(0, VALID.length() - 1) + ", \"script\": " + script + "}";
    }

    private static void mutate(ObjectNode spec, Random random) {
        String[] fields = {"family", "params", "seeds", "split", "resources", "script", "gpu"};
        String field = fields[random.nextInt(fields.length)];
        switch (random.nextInt(5)) {
            case 0 -> spec.remove(field);
            case 1 -> spec.set(field, value(random));
            case 2 -> {
                if (spec.get("params") instanceof ObjectNode params) {
                    params.set(text(random), value(random));
                }
            }
            case 3 -> {
                ArrayNode seeds = NODES.arrayNode();
                int n = random.nextInt(10) == 0 ? 64 + random.nextInt(2) : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    seeds.add(random.nextInt(4) == 0 ? value(random) : NODES.numberNode(i));
                }
                spec.set("seeds", seeds);
            }
            default -> {
                if (spec.get("resources") instanceof ObjectNode resources) {
                    String[] names = {"cpuSeconds", "memoryMb", "wallSeconds", "gpus"};
                    String name = names[random.nextInt(names.length)];
                    if (random.nextBoolean()) {
                        resources.remove(name);
                    } else {
                        resources.set(name, value(random));
                    }
                } else {
                    spec.set("family", NODES.textNode(random.nextBoolean() ? "script" : "linear-probe"));
                }
            }
        }
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> NODES.textNode(text(random));
            case 2, 3 -> number(random);
            case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            default -> random.nextBoolean() ? NODES.arrayNode().add(number(random)) : NODES.objectNode()
                    .put("cpuSeconds", 1).put("memoryMb", 64).put("wallSeconds", 1);
        };
    }

    private static JsonNode number(Random random) {
        BigDecimal[] numbers = {BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(-1), BigDecimal.valueOf(63),
                BigDecimal.valueOf(64), new BigDecimal("1.0"), new BigDecimal("1.5"), new BigDecimal("2147483647"),
                new BigDecimal("2147483648"), new BigDecimal("-2147483648"), new BigDecimal("-2147483649"),
                new BigDecimal("1e15"), new BigDecimal("-1e15"), new BigDecimal("1000000000000000.5"),
                new BigDecimal("1e16"), new BigDecimal("64.0"), new BigDecimal("1e2"), new BigDecimal("0.000")};
        // As a parser reads the text: "1E+15" and "1.0" become doubles, "2147483648" a long.
        return tree(numbers[random.nextInt(numbers.length)].toString());
    }

    private static String text(Random random) {
        String[] texts = {"", "a", "weak-to-strong", "script", "validation", "heldout", "train", "Weak", "a b",
                "a-", "9a", "x".repeat(64), "x".repeat(65), "a\n", "a\tb", "a\r", "\u0000", "\u007f", "\u0085",
                "é", "\uD83D\uDE00", "p".repeat(100), "p".repeat(101), "v".repeat(1000), "v".repeat(1001),
                "\uD83D\uDE00".repeat(1000), "\uD83D\uDE00".repeat(1001), "\u001f", "a\u00a0b"};
        return texts[random.nextInt(texts.length)];
    }
}
