package org.alignlab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.alignlab.contracts.json.Json;

/** The ways the REST fuzzer spoils a well-formed request: its path, query, body, content type and headers. */
enum Mutation {
    BASELINE(r -> r),
    PATH_NOT_UUID(r -> path(r, v -> "not-a-uuid")),
    PATH_NUL(r -> path(r, v -> "%00")),
    PATH_LONG(r -> path(r, v -> "a".repeat(2000))),
    PATH_TRAVERSAL(r -> path(r, v -> "..%2F..%2Fetc%2Fpasswd")),
    PATH_BAD_UTF8(r -> path(r, v -> "%C0%AF%FF%FE")),
    PATH_HUGE_NUMBER(r -> path(r, v -> "99999999999999999999999999")),
    QUERY_WRONG_TYPE(r -> query(r, v -> "abc")),
    QUERY_NUL(r -> query(r, v -> "%00")),
    QUERY_HUGE_NUMBER(r -> query(r, v -> "99999999999999999999999")),
    QUERY_NEGATIVE(r -> query(r, v -> "-1")),
    QUERY_EMPTY(r -> query(r, v -> "")),
    QUERY_LONG(r -> query(r, v -> "x".repeat(3000))),
    /** Past the HTTP server's 4,096-byte request line: answered by Vert.x itself (see RestFuzzer#SERVER_LIMITS). */
    URI_OVER_SERVER_LIMIT(r -> {
        List<Map.Entry<String, String>> q = new ArrayList<>(r.query());
        q.add(Map.entry("long", "x".repeat(6000)));
        return r.withQuery(q);
    }),
    QUERY_SQL(r -> query(r, v -> "%27%20or%201%3D1%20--")),
    QUERY_REPEATED(r -> {
        List<Map.Entry<String, String>> q = new ArrayList<>(r.query());
        q.addAll(r.query());
        return r.withQuery(q);
    }),
    QUERY_UNKNOWN(r -> {
        List<Map.Entry<String, String>> q = new ArrayList<>(r.query());
        q.add(Map.entry("zzz", "%00"));
        return r.withQuery(q);
    }),
    BODY_NOT_JSON(r -> text(r, "{not json")),
    BODY_EMPTY(r -> r.withBody(new byte[0])),
    BODY_ARRAY(r -> text(r, "[]")),
    BODY_NULL(r -> text(r, "null")),
    BODY_NUMBER(r -> text(r, "1e400")),
    BODY_DEEP_ARRAYS(r -> text(r, "[".repeat(20_000) + "]".repeat(20_000))),
    BODY_DEEP_OBJECTS(r -> text(r, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))),
    BODY_HUGE_STRINGS(r -> json(r, v -> v.isTextual() ? JsonNodeFactory.instance.textNode("x".repeat(1_000_000)) : v)),
    BODY_NUL_STRINGS(r -> json(r, v -> v.isTextual() ? JsonNodeFactory.instance.textNode("a\u0000b") : v)),
    BODY_HUGE_NUMBERS(r -> rawNumbers(r, "1e400")),
    BODY_LONG_OVERFLOW(r -> rawNumbers(r, "92233720368547758070")),
    BODY_NEGATIVE_NUMBERS(r -> json(r, v -> v.isNumber() ? JsonNodeFactory.instance.numberNode(-1) : v)),
    BODY_MISSING_FIELDS(r -> text(r, "{}")),
    BODY_EXTRA_FIELD(r -> {
        JsonNode tree = tree(r);
        if (tree instanceof ObjectNode object) {
            object.put("unexpected", "x");
            return text(r, Json.write(object));
        }
        return text(r, "{\"unexpected\": 1}");
    }),
    BODY_WRONG_TYPES(r -> json(r, v -> v.isTextual() ? JsonNodeFactory.instance.numberNode(123)
            : v.isNumber() ? JsonNodeFactory.instance.textNode("123")
                    : v.isBoolean() ? JsonNodeFactory.instance.textNode("yes")
                            : v.isArray() ? JsonNodeFactory.instance.objectNode() : v)),
    BODY_UNKNOWN_ENUM(r -> json(r, v -> v.isTextual() ? JsonNodeFactory.instance.textNode("NOT_A_VALUE") : v)),
    BODY_DUPLICATE_KEYS(r -> {
        String body = r.body() == null ? "{}" : new String(r.body(), StandardCharsets.UTF_8);
        return text(r, body.startsWith("{") && body.length() > 2 ? "{\"a\":1,\"a\":2," + body.substring(1)
                : "{\"a\":1,\"a\":2}");
    }),
    BODY_BOM(r -> text(r, "\uFEFF" + (r.body() == null ? "{}" : new String(r.body(), StandardCharsets.UTF_8)))),
    BODY_BAD_UTF8(r -> r
            .withBody(new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '"', '}'})),
    BODY_RAW_MEGABYTE(
            r -> r.withBody("{\"q\":\"".concat("y".repeat(1_100_000)).concat("\"}").getBytes(StandardCharsets.UTF_8))),
    CONTENT_TYPE_TEXT(r -> r.withHeader("Content-Type", "text/plain")),
    CONTENT_TYPE_XML(
            r -> r.withHeader("Content-Type", "application/xml").withBody("<a>1</a>".getBytes(StandardCharsets.UTF_8))),
    CONTENT_TYPE_FORM(r -> r.withHeader("Content-Type", "application/x-www-form-urlencoded")
            .withBody("a=1&b=%00".getBytes(StandardCharsets.UTF_8))),
    CONTENT_TYPE_NDJSON(r -> r.withHeader("Content-Type", "application/x-ndjson")
            .withBody("{\"a\":\n[1,\n\u0000\n".getBytes(StandardCharsets.UTF_8))),
    CONTENT_TYPE_MISSING(r -> r.withHeader("Content-Type", null)),
    CONTENT_TYPE_GARBAGE(r -> r.withHeader("Content-Type", "application/json; charset=klingon")),
    ACCEPT_HTML(r -> r.withHeader("Accept", "text/html")),
    ACCEPT_GARBAGE(r -> r.withHeader("Accept", "*/*;q=abc, ;;, application/")),
    HEADER_HUGE(r -> r.withHeader("X-Fill", "f".repeat(7000))),
    LAST_EVENT_ID_GARBAGE(r -> r.withHeader("Last-Event-ID", "99999999999999999999999")),
    TRACEPARENT_GARBAGE(r -> r.withHeader("traceparent", "00-zzzz-yyyy-01")),
    AUTH_GARBAGE(r -> r.withHeader("Authorization", "Bearer x.y.z")),
    AUTH_NOT_BEARER(r -> r.withHeader("Authorization", "Basic YWRtaW46YWRtaW4="));

    private final UnaryOperator<FuzzRequest> apply;

    Mutation(UnaryOperator<FuzzRequest> apply) {
        this.apply = apply;
    }

    FuzzRequest apply(FuzzRequest request) {
        return apply.apply(request);
    }

    private static FuzzRequest path(FuzzRequest r, Function<String, String> value) {
        Map<String, String> values = new LinkedHashMap<>();
        r.pathValues().forEach((k, v) -> values.put(k, value.apply(v)));
        return r.withPathValues(values);
    }

    private static FuzzRequest query(FuzzRequest r, Function<String, String> value) {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        r.query().forEach(e -> q.add(Map.entry(e.getKey(), value.apply(e.getValue()))));
        return r.withQuery(q);
    }

    private static FuzzRequest text(FuzzRequest r, String body) {
        return r.withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode tree(FuzzRequest r) {
        try {
            return r.body() == null ? JsonNodeFactory.instance.objectNode()
                    : Json.mapper().readTree(r.body());
        } catch (Exception e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** Replaces every leaf (recursively) with what {@code leaf} makes of it. */
    private static FuzzRequest json(FuzzRequest r, UnaryOperator<JsonNode> leaf) {
        return text(r, Json.write(map(tree(r), leaf)));
    }

    private static JsonNode map(JsonNode node, UnaryOperator<JsonNode> leaf) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), map(f.getValue(), leaf));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(map(n, leaf)));
            return copy;
        }
        return leaf.apply(node);
    }

    /** Numbers no JSON library writes, spliced in as text in place of every number. */
    private static FuzzRequest rawNumbers(FuzzRequest r, String number) {
        String marker = "\"__NUM__\"";
        String body = Json.write(map(tree(r), v -> v.isNumber() ? JsonNodeFactory.instance.textNode("__NUM__") : v));
        return text(r, body.replace(marker, number));
    }
}
