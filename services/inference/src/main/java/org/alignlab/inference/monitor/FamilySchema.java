package org.alignlab.inference.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The numeric parameters of an experiment family, read from its parameter schema in contracts
 * ({@code schemas/families/<family>.schema.json} on the class path): the same bounds the monitor's
 * {@code invalid-params} rule and the experiments runner apply.
 */
record FamilySchema(String family, List<Param> params) {

    /** The families whose parameter schemas contracts ships. */
    static final List<String> FAMILIES = List.of("weak-to-strong", "reward-overoptimization", "linear-probe");

    /** One parameter: integer or not, its bounds and its default. */
    record Param(String name, boolean integer, double minimum, double maximum, double defaultValue) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static FamilySchema load(String family) {
        String resource = "schemas/families/" + family + ".schema.json";
        try (InputStream in = FamilySchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (contracts jar)");
            }
            JsonNode properties = JSON.readTree(in).path("properties");
            List<Param> params = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode p = property.getValue();
                params.add(new Param(property.getKey(), "integer".equals(p.path("type").asText()),
                        p.path("minimum").asDouble(), p.path("maximum").asDouble(), p.path("default").asDouble()));
            }
            return new FamilySchema(family, List.copyOf(params));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    Param param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(family + " has no param " + name));
    }
}
