package org.alignlab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.json.JsonLimits;

/**
 * Hostile changes to a valid document, each at one place and each with what decoding must then do: accept it (a value
 * at its bound, a line break where text may hold one) or refuse it naming the place (or the size or nesting limit). The
 * bounds come from the schemas ({@link SchemaMap}), so every field is pushed to and past its own.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FOUR_HUNDRED_DIGITS = "4" + "0".repeat(399);
    /** Forbidden everywhere: C0 but line breaks and tabs, DEL, C1. */
    private static final char[] CONTROLS = controls();
    private static final char[] LINE_BREAKS_AND_TABS = {'\n', '\r', '\t'};

    /** One place in a document: its path (keys and indices), its value, what the schemas say of it. */
    record Place(List<Object> path, JsonNode value, SchemaMap.Rules rules, String pattern) {

        String jsonPath() {
            return Mutations.jsonPath(path);
        }

        boolean overlaps(Place other) {
            int n = Math.min(path.size(), other.path.size());
            return path.subList(0, n).equals(other.path.subList(0, n));
        }
    }

    /**
     * What decoding must do: accept, or refuse with a message holding every one of {@code allOf} and, when
     * {@code anyOf} is not empty, one of {@code anyOf}.
     */
    record Expect(boolean accept, List<String> allOf, List<String> anyOf) {

        static Expect accepted() {
            return new Expect(true, List.of(), List.of());
        }

        static Expect refused(String... allOf) {
            return new Expect(false, List.of(allOf), List.of());
        }

        static Expect refusedNaming(String... anyOf) {
            return new Expect(false, List.of(), List.of(anyOf));
        }

        /** Whether a refusal's message is the one expected. */
        boolean names(String message) {
            return allOf.stream().allMatch(message::contains)
                    && (anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains));
        }
    }

    /** A document being changed: its tree, and raw JSON text to put in place of placeholders when written. */
    static final class Draft {
        final ObjectNode tree;
        final Map<String, String> raw = new LinkedHashMap<>();

        Draft(JsonNode original) {
            this.tree = original.deepCopy();
        }

        String payload() {
            String text = tree.toString();
            for (Map.Entry<String, String> r : raw.entrySet()) {
                text = text.replace(r.getKey(), r.getValue());
            }
            return text;
        }

        /** A placeholder value that {@link #payload()} replaces with {@code json}, verbatim. */
        JsonNode rawValue(String json) {
            String key = "@@RAW" + raw.size() + "@@";
            raw.put("\"" + key + "\"", json);
            return NODES.textNode(key);
        }

        void set(List<Object> path, JsonNode value) {
            JsonNode parent = tree.at(pointer(path.subList(0, path.size() - 1)));
            Object last = path.get(path.size() - 1);
            if (last instanceof Integer i) {
                ((ArrayNode) parent).set(i, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
        }

        JsonNode get(List<Object> path) {
            return tree.at(pointer(path));
        }

        /** Writes {@code key} of the object at {@code path} a second time, after its other fields. */
        void duplicate(List<Object> path, String key) {
            ObjectNode target = (ObjectNode) get(path);
            String marker = "@@DUP" + raw.size() + "@@";
            raw.put("\"" + marker + "\":0", Json.write(key) + ":" + target.get(key));
            target.put(marker, 0);
        }
    }

    /** A named change and its expectation. */
    record Mutation(String name, Place place, Consumer<Draft> change, Expect expect) {

        @Override
        public String toString() {
            return name + " at " + place.jsonPath();
        }
    }

    private Mutations() {
    }

    /** Every place of {@code document}, the root first, with the rules that apply to it. */
    static List<Place> places(SchemaMap schemas, SchemaMap.At root, JsonNode document) {
        List<Place> places = new ArrayList<>();
        collect(schemas, root, document, document, new ArrayList<>(), "$", places);
        return places;
    }

    private static void collect(SchemaMap schemas, SchemaMap.At root, JsonNode document, JsonNode node,
            List<Object> path, String pattern, List<Place> places) {
        SchemaMap.Rules rules = schemas.rules(schemas.at(root, document, path));
        places.add(new Place(List.copyOf(path), node, rules, pattern));
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String key = it.next();
                path.add(key);
                collect(schemas, root, document, node.get(key), path, pattern + "." + (rules.isMap() ? "*" : key),
                        places);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                collect(schemas, root, document, node.get(i), path, pattern + "[*]", places);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Every mutation that applies to {@code place}, its random parts drawn from {@code random}. */
    static List<Mutation> of(Place place, Random random) {
        List<Mutation> all = new ArrayList<>();
        SchemaMap.Rules rules = place.rules();
        JsonNode value = place.value();
        String at = place.jsonPath();
        if (!place.path().isEmpty()) {
            all.add(new Mutation("nesting deeper than the limit", place,
                    d -> d.set(place.path(), nested(JsonLimits.MAX_DEPTH + 1 + random.nextInt(20))),
                    Expect.refused("nested deeper than " + JsonLimits.MAX_DEPTH)));
        }
        if (value.isTextual()) {
            strings(place, random, all, rules, value.textValue(), at);
        } else if (value.isNumber() || value.isBoolean()) {
            numbers(place, random, all, rules, at);
        } else if (value.isArray()) {
            arrays(place, random, all, rules, at);
        } else if (value.isObject()) {
            objects(place, random, all, rules, at);
        }
        return all;
    }

    private static void strings(Place place, Random random, List<Mutation> all, SchemaMap.Rules rules, String text,
            String at) {
        List<Object> path = place.path();
        all.add(new Mutation("a NUL", place, d -> d.set(path, NODES.textNode(insert(text, '\u0000', random))),
                Expect.refused(at, "U+0000")));
        char control = CONTROLS[random.nextInt(CONTROLS.length)];
        all.add(new Mutation("control character " + (int) control, place,
                d -> d.set(path, NODES.textNode(insert(text, control, random))), Expect.refused(at)));
        char unpaired = (char) (0xD800 + random.nextInt(0x800));
        all.add(new Mutation("an unpaired surrogate", place,
                d -> d.set(path, NODES.textNode(insert(text, unpaired, random))), Expect.refused(at)));
        char lineBreak = LINE_BREAKS_AND_TABS[random.nextInt(LINE_BREAKS_AND_TABS.length)];
        boolean multiline = rules.freeText().orElse(false);
        boolean fits = rules.maxLength() == null || text.codePointCount(0, text.length()) < rules.maxLength();
        if (!multiline || fits) {
            all.add(new Mutation("line break or tab " + (int) lineBreak, place,
                    d -> d.set(path, NODES.textNode(insert(text, lineBreak, random))),
                    multiline ? Expect.accepted() : Expect.refused(at)));
            // Java's regex $ (the validator's) also matches before a final line break: the patterns must not use it.
            all.add(new Mutation("a trailing line break", place, d -> d.set(path, NODES.textNode(text + "\n")),
                    multiline ? Expect.accepted() : Expect.refused(at)));
        }
        if (rules.maxLength() != null) {
            int over = rules.maxLength() + 1 + random.nextInt(1000);
            all.add(new Mutation("longer than its maxLength", place, d -> d.set(path, NODES.textNode("a".repeat(over))),
                    Expect.refused(at)));
            if (rules.freeText().isPresent()) {
                all.add(new Mutation("exactly its maxLength", place,
                        d -> d.set(path, NODES.textNode(ofLength(rules.maxLength(), random))), Expect.accepted()));
            }
        }
        if (rules.freeText().isPresent() && rules.minLength() != null && rules.minLength() > 0) {
            all.add(new Mutation("empty", place, d -> d.set(path, NODES.textNode("")), Expect.refused(at)));
        }
        all.add(new Mutation("a 1 MiB string", place,
                d -> d.set(path, NODES.textNode("x".repeat(JsonLimits.MAX_PAYLOAD_BYTES))),
                Expect.refused("larger than " + JsonLimits.MAX_PAYLOAD_BYTES + " bytes")));
        if (rules.enumerated()) {
            all.add(new Mutation("an unknown enum value", place, d -> d.set(path, NODES.textNode("NOT_A_VALUE")),
                    Expect.refused(at)));
        }
        if (!rules.isNumber()) {
            all.add(new Mutation("a number for a string", place, d -> d.set(path, NODES.numberNode(7)),
                    Expect.refused(at)));
        }
    }

    private static void numbers(Place place, Random random, List<Mutation> all, SchemaMap.Rules rules, String at) {
        List<Object> path = place.path();
        String digits = random.nextBoolean() ? FOUR_HUNDRED_DIGITS : "-" + FOUR_HUNDRED_DIGITS;
        all.add(new Mutation("a 400-digit integer", place, d -> d.set(path, d.rawValue(digits)),
                Expect.refused(at, "a number of more than " + JsonLimits.MAX_NUMBER_LENGTH + " digits")));
        String huge = (random.nextBoolean() ? "" : "-") + (1 + random.nextInt(9)) + "e" + (309 + random.nextInt(200));
        all.add(new Mutation("a number beyond a double (" + huge + ")", place, d -> d.set(path, d.rawValue(huge)),
                Expect.refused(at, "finite")));
        if (!rules.isNumber()) {
            return;
        }
        boolean integral = rules.integerOnly();
        if (rules.maximum() != null) {
            BigDecimal max = rules.maximum();
            all.add(new Mutation("exactly its maximum", place, d -> d.set(path, number(max, integral)),
                    Expect.accepted()));
            BigDecimal beyond = beyond(max, true, integral, random);
            all.add(new Mutation("beyond its maximum (" + beyond + ")", place,
                    d -> d.set(path, number(beyond, integral)),
                    Expect.refused(at)));
        }
        if (rules.minimum() != null) {
            BigDecimal min = rules.minimum();
            all.add(new Mutation("exactly its minimum", place, d -> d.set(path, number(min, integral)),
                    Expect.accepted()));
            BigDecimal beyond = beyond(min, false, integral, random);
            all.add(new Mutation("beyond its minimum (" + beyond + ")", place,
                    d -> d.set(path, number(beyond, integral)),
                    Expect.refused(at)));
        }
        if (integral) {
            all.add(new Mutation("a fraction for an integer", place, d -> d.set(path, NODES.numberNode(1.5)),
                    Expect.refused(at)));
        }
        if (!rules.isString()) {
            all.add(new Mutation("a string for a number", place, d -> d.set(path, NODES.textNode("7")),
                    Expect.refused(at)));
        }
    }

    private static void arrays(Place place, Random random, List<Mutation> all, SchemaMap.Rules rules, String at) {
        List<Object> path = place.path();
        if (rules.maxItems() == null || place.value().isEmpty()) {
            return;
        }
        int max = rules.maxItems();
        all.add(new Mutation("exactly its maxItems", place, d -> d.set(path, copies(d.get(path), max)),
                Expect.accepted()));
        int over = max + 1 + random.nextInt(10);
        all.add(new Mutation("more than its maxItems (" + over + ")", place,
                d -> d.set(path, copies(d.get(path), over)),
                Expect.refused(at)));
        int huge = 100_000 + random.nextInt(100_000);
        all.add(new Mutation("a huge array (" + huge + ")", place, d -> d.set(path, copies(d.get(path), huge)),
                Expect.refusedNaming(at, "larger than " + JsonLimits.MAX_PAYLOAD_BYTES + " bytes")));
    }

    private static void objects(Place place, Random random, List<Mutation> all, SchemaMap.Rules rules, String at) {
        List<Object> path = place.path();
        ObjectNode object = (ObjectNode) place.value();
        if (object.isEmpty()) {
            return;
        }
        String firstKey = object.fieldNames().next();
        if (rules.isMap() && rules.maxProperties() != null) {
            int max = rules.maxProperties();
            all.add(new Mutation("exactly its maxProperties", place, d -> fill(d, path, max), Expect.accepted()));
            int over = max + 1 + random.nextInt(10);
            all.add(new Mutation("more than its maxProperties (" + over + ")", place, d -> fill(d, path, over),
                    Expect.refused(at)));
            all.add(new Mutation("a key with a NUL", place,
                    d -> ((ObjectNode) d.get(path)).set(insert("key", '\u0000', random), object.get(firstKey)),
                    Expect.refused(at, "U+0000")));
            int longKey = 101 + random.nextInt(800);
            all.add(new Mutation("a key of " + longKey + " characters", place,
                    d -> ((ObjectNode) d.get(path)).set("k".repeat(longKey), object.get(firstKey)),
                    Expect.refused(at)));
            all.add(new Mutation("an empty key", place, d -> ((ObjectNode) d.get(path)).set("", object.get(firstKey)),
                    Expect.refused(at)));
        }
        if (rules.closed()) {
            all.add(new Mutation("an unknown property", place,
                    d -> ((ObjectNode) d.get(path)).put("sneaky", true), Expect.refused("sneaky")));
        }
        all.add(new Mutation("a duplicate key", place, d -> d.duplicate(path, firstKey),
                Expect.refused(Mutations.jsonPath(append(path, firstKey)), "duplicate key")));
    }

    static String jsonPath(List<Object> path) {
        StringBuilder text = new StringBuilder("$");
        for (Object step : path) {
            text.append(step instanceof Integer i ? "[" + i + "]" : "." + step);
        }
        return text.toString();
    }

    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : path) {
            pointer.append('/').append(String.valueOf(step).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static String insert(String text, char c, Random random) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))) {
            at--;
        }
        return text.substring(0, at) + c + text.substring(at);
    }

    /** Text of exactly {@code length} code points, some of them outside the BMP (two chars each). */
    private static String ofLength(int length, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(10) == 0 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = i % 3 == 0 ? NODES.objectNode().set("a", node) : NODES.arrayNode().add(node);
        }
        return node;
    }

    private static JsonNode number(BigDecimal value, boolean integral) {
        if (integral) {
            return NODES.numberNode(value.toBigIntegerExact());
        }
        return NODES.numberNode(value.doubleValue());
    }

    /** A value just past {@code bound}: the next integer, or a relative step of 1e-6 (at least 1e-6). */
    private static BigDecimal beyond(BigDecimal bound, boolean above, boolean integral, Random random) {
        BigDecimal step;
        if (integral) {
            step = new BigDecimal(BigInteger.ONE.add(BigInteger.valueOf(random.nextInt(3))));
        } else {
            BigDecimal relative = bound.abs().multiply(new BigDecimal("1e-6"));
            step = relative.max(new BigDecimal("1e-6")).multiply(BigDecimal.valueOf(1 + random.nextInt(1000)));
        }
        return above ? bound.add(step) : bound.subtract(step);
    }

    private static ArrayNode copies(JsonNode array, int count) {
        ArrayNode copies = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            copies.add(array.get(i % array.size()).deepCopy());
        }
        return copies;
    }

    private static void fill(Draft draft, List<Object> path, int size) {
        ObjectNode map = (ObjectNode) draft.get(path);
        JsonNode value = map.elements().next();
        for (int i = 0; map.size() < size; i++) {
            map.set("k" + i, value.deepCopy());
        }
    }

    private static char[] controls() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c <= 0x9F; c++) {
            if ((c <= 0x1F || c >= 0x7F) && c != '\n' && c != '\r' && c != '\t') {
                controls.append(c);
            }
        }
        return controls.toString().toCharArray();
    }
}
