package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.alignlab.contracts.json.Json;
import org.alignlab.contracts.runner.RunnerOutput;
import org.junit.jupiter.api.Test;

/**
 * Every place of every event's schema (and the runner output's) is bounded (decision 0012): a string has a maxLength
 * and a pattern, a number a minimum and a maximum, an array a maxItems, an object is closed or a map with
 * maxProperties and bounded names. And the full samples reach every one of those places, so that
 * {@link BoundedInputTest} mutates every field there is.
 */
class SchemaBoundsTest {

    private final SchemaMap schemas = new SchemaMap();

    static List<String> rootFiles() {
        List<String> files = new ArrayList<>();
        for (EventType type : EventType.values()) {
            files.add(type.schemaFile());
        }
        files.add(RunnerOutput.SCHEMA_FILE);
        return files;
    }

    @Test
    void everyPlaceOfEverySchemaIsBounded() {
        List<String> unbounded = new ArrayList<>();
        for (String file : rootFiles()) {
            places(file).forEach((place, applying) -> unbounded.addAll(problems(file + " " + place, applying)));
        }
        assertThat(unbounded).isEmpty();
    }

    @Test
    void theFullSamplesReachEveryPlaceOfTheSchemas() {
        Set<String> reached = new TreeSet<>();
        for (FullSamples.Sample sample : FullSamples.all()) {
            JsonNode document = Json.tree(sample.value());
            Mutations.places(schemas, schemas.root(sample.schemaFile()), document)
                    .forEach(place -> reached.add(sample.schemaFile() + " " + place.pattern()));
        }
        Set<String> everyPlace = new TreeSet<>();
        for (String file : rootFiles()) {
            places(file).keySet().forEach(place -> everyPlace.add(file + " " + place));
        }
        assertThat(reached).containsAll(everyPlace);
    }

    @Test
    void noPatternEndsInADollarWhichJavaAlsoMatchesBeforeAFinalLineBreak() throws IOException {
        List<String> dollars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collectPatterns(new ObjectMapper().readTree(file.toFile()), file.toString(), dollars);
            }
        }
        assertThat(dollars).isEmpty();
    }

    /** Every place a schema describes ({@code $.spec.params.*}, {@code $.perSeed[*].seed}) and what applies there. */
    private Map<String, List<SchemaMap.At>> places(String file) {
        Map<String, List<SchemaMap.At>> places = new LinkedHashMap<>();
        walk("$", schemas.expandAll(schemas.root(file)), places);
        return places;
    }

    private void walk(String place, List<SchemaMap.At> applying, Map<String, List<SchemaMap.At>> places) {
        places.put(place, applying);
        Map<String, List<SchemaMap.At>> children = new LinkedHashMap<>();
        for (SchemaMap.At at : applying) {
            JsonNode schema = at.schema();
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext();) {
                String name = it.next();
                children.computeIfAbsent(place + "." + name, p -> new ArrayList<>())
                        .addAll(schemas.expandAll(new SchemaMap.At(at.file(), schema.get("properties").get(name))));
            }
            if (schema.path("additionalProperties").isObject()) {
                children.computeIfAbsent(place + ".*", p -> new ArrayList<>())
                        .addAll(schemas.expandAll(new SchemaMap.At(at.file(), schema.get("additionalProperties"))));
            }
            if (schema.has("items")) {
                children.computeIfAbsent(place + "[*]", p -> new ArrayList<>())
                        .addAll(schemas.expandAll(new SchemaMap.At(at.file(), schema.get("items"))));
            }
        }
        children.forEach((child, its) -> walk(child, its, places));
    }

    private List<String> problems(String place, List<SchemaMap.At> applying) {
        SchemaMap.Rules rules = schemas.rules(applying);
        List<String> problems = new ArrayList<>();
        if (rules.types().isEmpty() && !rules.enumerated()) {
            problems.add(place + ": no type");
        }
        if (rules.isString() && !rules.enumerated() && (rules.maxLength() == null || rules.patterns().isEmpty())) {
            problems.add(place + ": a string without maxLength and pattern");
        }
        if (rules.isNumber() && !rules.enumerated() && (rules.minimum() == null || rules.maximum() == null)) {
            problems.add(place + ": a number without minimum and maximum");
        }
        if (rules.types().contains("array") && rules.maxItems() == null) {
            problems.add(place + ": an array without maxItems");
        }
        if (rules.types().contains("object") && !rules.closed()) {
            if (!rules.isMap() || rules.maxProperties() == null) {
                problems.add(place + ": an open object that is not a map with maxProperties");
            }
            List<SchemaMap.At> names = new ArrayList<>();
            applying.stream().filter(at -> at.schema().has("propertyNames")).forEach(at -> names
                    .addAll(schemas.expandAll(new SchemaMap.At(at.file(), at.schema().get("propertyNames")))));
            SchemaMap.Rules nameRules = schemas.rules(names);
            if (nameRules.maxLength() == null || nameRules.freeText().isEmpty() || nameRules.freeText().get()) {
                problems.add(place + ": a map whose names are not bounded one-line text");
            }
        }
        return problems;
    }

    private static void collectPatterns(JsonNode node, String where, List<String> dollars) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("pattern") && field.getValue().isTextual()
                        && field.getValue().asText().endsWith("$")) {
                    dollars.add(where + ": " + field.getValue().asText());
                }
                collectPatterns(field.getValue(), where, dollars);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectPatterns(element, where, dollars));
        }
    }
}
