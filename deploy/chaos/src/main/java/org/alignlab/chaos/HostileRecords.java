package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.alignlab.contracts.json.Json;

/**
 * The hostile records of one topic's burst: bytes that are not JSON, JSON of the wrong type, and mutations of a real
 * event of that topic (a field at a time: huge numbers, NUL, a 1 MB string, deep nesting, an unknown enum value, an
 * unknown field, the id of another goal) plus the real event again, verbatim (a duplicate id).
 */
final class HostileRecords {

    /** One record to send and what it is, for the report. */
    record Hostile(String label, byte[] value) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ONE_MB = 1_000_000;

    private HostileRecords() {
    }

    static List<Hostile> burst(Random random, JsonNode template, UUID otherGoal) {
        List<Hostile> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] bytes = new byte[1 + random.nextInt(512)];
            random.nextBytes(bytes);
            records.add(new Hostile("random bytes", bytes));
        }
        for (String wrong : List.of("[]", "42", "\"text\"", "null", "{}", "{\"id\": {\"id\": []}}", "true",
                "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"unterminated\": ")) {
            records.add(new Hostile("wrong type " + wrong, wrong.getBytes(StandardCharsets.UTF_8)));
        }
        records.add(new Hostile("deep nesting",
                ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8)));
        if (template == null) {
            return records;
        }
        records.add(new Hostile("duplicate (verbatim)", Json.write(template).getBytes(StandardCharsets.UTF_8)));
        List<String> fields = new ArrayList<>();
        template.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = template.get(field);
            records.add(mutated(template, field, "NUL in " + field, NODES.textNode("a\u0000b")));
            records.add(mutated(template, field, "huge number in " + field,
                    NODES.numberNode(new java.math.BigDecimal("1e400"))));
            records.add(mutated(template, field, "long max in " + field, NODES.numberNode(Long.MAX_VALUE)));
            records.add(mutated(template, field, "unknown enum value in " + field, NODES.textNode("NOT_A_VALUE")));
            records.add(mutated(template, field, "nesting 900 deep in " + field, deep(900)));
            records.add(raw(template, field, "nesting 20000 deep in " + field,
                    "[".repeat(20_000) + "]".repeat(20_000)));
            if (value != null && value.isTextual()) {
                records.add(mutated(template, field, "1 MB string in " + field, NODES.textNode("x".repeat(ONE_MB))));
            }
            if (field.toLowerCase(java.util.Locale.ROOT).endsWith("goalid") && otherGoal != null) {
                records.add(mutated(template, field, "id of another goal in " + field,
                        NODES.textNode(otherGoal.toString())));
            }
            records.add(removed(template, field));
        }
        ObjectNode extra = template.deepCopy();
        extra.put("unexpectedField", "x");
        records.add(new Hostile("unknown field", Json.write(extra).getBytes(StandardCharsets.UTF_8)));
        // Nested fields too, one level down (spec, budget, resources…): where the validator's bounds matter most.
        for (String field : fields) {
            JsonNode value = template.get(field);
            if (value != null && value.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> inner = value.fields();
                while (inner.hasNext()) {
                    String name = inner.next().getKey();
                    ObjectNode copy = template.deepCopy();
                    ((ObjectNode) copy.get(field)).put(name, random.nextBoolean() ? -1e300 : 9.3e18);
                    records.add(new Hostile("huge number in " + field + "." + name,
                            Json.write(copy).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return records;
    }

    private static Hostile mutated(JsonNode template, String field, String label, JsonNode value) {
        ObjectNode copy = template.deepCopy();
        copy.set(field, value);
        return new Hostile(label, Json.write(copy).getBytes(StandardCharsets.UTF_8));
    }

    /** A value no JSON library would write (deeper than any will nest), spliced in as text. */
    private static Hostile raw(JsonNode template, String field, String label, String rawValue) {
        ObjectNode copy = template.deepCopy();
        copy.put(field, "__RAW__");
        String text = Json.write(copy).replace("\"__RAW__\"", rawValue);
        return new Hostile(label, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile removed(JsonNode template, String field) {
        ObjectNode copy = template.deepCopy();
        copy.remove(field);
        return new Hostile("missing " + field, Json.write(copy).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode node = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode child = NODES.arrayNode();
            node.add(child);
            node = child;
        }
        return root;
    }
}
