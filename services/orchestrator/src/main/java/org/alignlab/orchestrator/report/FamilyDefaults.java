package org.alignlab.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.json.Json;

/**
 * The defaults a family's parameter schema (in contracts) declares: what a parameter that a spec leaves out means.
 * A family without a schema, such as {@code script}, has none.
 */
final class FamilyDefaults {

    private static final Map<String, Map<String, Object>> LOADED = new ConcurrentHashMap<>();

    private FamilyDefaults() {
    }

    static Map<String, Object> of(String family) {
        return family == null ? Map.of() : LOADED.computeIfAbsent(family, FamilyDefaults::load);
    }

    private static Map<String, Object> load(String family) {
        String resource = "schemas/families/" + family + ".schema.json";
        try (InputStream in = FamilyDefaults.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, Object> defaults = new TreeMap<>();
            Json.mapper().readTree(in).path("properties").fields().forEachRemaining(param -> {
                JsonNode value = param.getValue().get("default");
                if (value != null && !value.isNull()) {
                    defaults.put(param.getKey(), Json.mapper().convertValue(value, Object.class));
                }
            });
            return Map.copyOf(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
