package org.alignlab.experiments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.contracts.json.JsonLimits;
import org.alignlab.contracts.runner.RunnerOutput;

/**
 * The runner's JSON, read and written with Jackson's streaming parser and generator only. Starting Jackson's
 * {@code ObjectMapper} (its date formats load the JDK's locale data) and binding records through it cost a fresh
 * runner JVM about 0.13 s, 0.3 s on a busy machine (issue 16); the runner reads one small spec and writes one output.
 * Reads under the same parser limits as {@code Json.mapper()} (nesting, lengths, duplicate keys refused, nothing
 * after the value), into what Jackson binds an untyped value to: {@link Map}, {@link List}, {@link String}, the
 * smallest of {@link Integer}, {@link Long} and {@link java.math.BigInteger} for an integer, {@link Double} for any
 * other number, {@link Boolean}, and {@code null}. {@code PlainJsonTest} holds both directions to the mapper.
 */
final class PlainJson {

    /** What {@link #read} returns for text with no JSON value at all (empty or blank). */
    static final Object NOTHING = new Object();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(JsonLimits.streamReadConstraints())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PlainJson() {
    }

    /** @throws IOException when the text is not one JSON value within the limits (the message says why) */
    static Object read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return NOTHING;
            }
            Object value = value(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new JsonParseException(parser, "trailing token (" + after + ") after the value");
            }
            return value;
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
    }

    /** As {@code Json.write} writes it: the record's components in order, null fields left out. */
    static String write(RunnerOutput output) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeFieldName("metrics");
            metrics(json, output.metrics());
            json.writeArrayFieldStart("perSeed");
            for (SeedMetrics seed : output.perSeed()) {
                json.writeStartObject();
                json.writeNumberField("seed", seed.seed());
                json.writeFieldName("metrics");
                metrics(json, seed.metrics());
                json.writeEndObject();
            }
            json.writeEndArray();
            RunEnvironment environment = output.environment();
            json.writeObjectFieldStart("environment");
            stringField(json, "codeVersion", environment.codeVersion());
            stringField(json, "djl", environment.djl());
            stringField(json, "pytorch", environment.pytorch());
            json.writeEndObject();
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void metrics(JsonGenerator json, Map<String, Double> metrics) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            json.writeNumberField(metric.getKey(), metric.getValue());
        }
        json.writeEndObject();
    }

    private static void stringField(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
