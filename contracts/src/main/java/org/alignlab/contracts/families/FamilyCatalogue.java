package org.alignlab.contracts.families;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;

/**
 * The experiment families the platform knows, and the only reader of {@code schemas/families/}: the catalogue
 * ({@code catalogue.json}) and each family's parameter schema with its {@code x-alignlab} block. Every service asks
 * this class what a family is; a service's configuration may narrow the catalogue ({@link #narrow}), never add to
 * or contradict it.
 */
public final class FamilyCatalogue {

    private static final String DIR = "schemas/families/";
    private static final String PLATFORM_BLOCK = "x-alignlab";
    private static final FamilyCatalogue STANDARD = load();

    private final Map<String, FamilyDefinition> families;

    private FamilyCatalogue(Map<String, FamilyDefinition> families) {
        this.families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
    }

    /** The catalogue shipped in contracts, read once. */
    public static FamilyCatalogue standard() {
        return STANDARD;
    }

    /** Every family's name, in the catalogue's order. */
    public List<String> names() {
        return List.copyOf(families.keySet());
    }

    public List<FamilyDefinition> families() {
        return List.copyOf(families.values());
    }

    public boolean contains(String name) {
        return name != null && families.containsKey(name);
    }

    public Optional<FamilyDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : families.get(name));
    }

    /** @throws IllegalArgumentException naming the known families when {@code name} is not one */
    public FamilyDefinition get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown family '" + name + "' (known: " + String.join(", ", names()) + ")"));
    }

    /**
     * The families a service is configured to accept: all of them when nothing is configured, else the configured
     * ones, each of which must be in the catalogue.
     *
     * @param key the configuration key, named in the error
     * @throws IllegalStateException naming every configured family the catalogue does not know
     */
    public Set<String> narrow(Optional<? extends Collection<String>> configured, String key) {
        if (configured.isEmpty() || configured.get().isEmpty()) {
            return Set.copyOf(names());
        }
        Set<String> unknown = new TreeSet<>(configured.get());
        unknown.removeAll(families.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(key + " names " + unknown + ", which the family catalogue "
                    + "(contracts/schemas/families/catalogue.json) does not know; known: " + names());
        }
        return Set.copyOf(new LinkedHashSet<>(configured.get()));
    }

    private static FamilyCatalogue load() {
        JsonNode catalogue = Json.parse(read("catalogue.json"));
        Map<String, FamilyDefinition> families = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalogue.path("families").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            families.put(entry.getKey(), definition(entry.getKey(), entry.getValue()));
        }
        if (families.isEmpty()) {
            throw new IllegalStateException(DIR + "catalogue.json lists no families");
        }
        return new FamilyCatalogue(families);
    }

    private static FamilyDefinition definition(String name, JsonNode entry) {
        boolean agentCode = entry.path("agentCode").asBoolean(false);
        if (!entry.hasNonNull("params")) {
            if (!agentCode) {
                throw new IllegalStateException("family " + name + " has no parameter schema and runs no agent code");
            }
            return new FamilyDefinition(name, true, List.of(), Optional.empty(), Optional.empty(), Map.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        }
        String file = entry.get("params").asText();
        String text = read(file);
        JsonNode schemaNode = Json.parse(text);
        List<FamilyParam> params = params(schemaNode.path("properties"));
        JsonNode block = schemaNode.path(PLATFORM_BLOCK);
        Map<String, ParamRange> searchable = searchable(name, block.path("searchable"), params);
        JsonSchema schema = EventValidator.instance().load("families/" + file);
        return new FamilyDefinition(name, agentCode, params, metric(block.path("judged"), true),
                metric(block.path("objective"), false), searchable, Optional.of(schema), Optional.of(text),
                cost(name, block.path("cost"), params), factorNames(name, block.path("factorNames"), searchable));
    }

    private static Map<String, List<String>> factorNames(String family, JsonNode node,
            Map<String, ParamRange> searchable) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!searchable.containsKey(entry.getKey())) {
                throw new IllegalStateException(family + ": factorNames names '" + entry.getKey()
                        + "', which is not searchable");
            }
            List<String> words = new ArrayList<>();
            entry.getValue().forEach(word -> words.add(word.asText()));
            names.put(entry.getKey(), List.copyOf(words));
        }
        return names;
    }

    private static Optional<FamilyCost> cost(String family, JsonNode node, List<FamilyParam> params) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        List<List<String>> terms = new ArrayList<>();
        for (JsonNode term : node.path("terms")) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : term) {
                FamilyParam param = params.stream().filter(p -> p.name().equals(name.asText())).findFirst()
                        .filter(p -> p.numeric() && p.defaultNumber() > 0)
                        .orElseThrow(() -> new IllegalStateException(family + ": the cost term " + term + " names '"
                                + name.asText() + "', which is not a numeric parameter with a positive default"));
                names.add(param.name());
            }
            terms.add(names);
        }
        return Optional.of(new FamilyCost(terms));
    }

    private static List<FamilyParam> params(JsonNode properties) {
        List<FamilyParam> params = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode node = property.getValue();
            kind(node).ifPresent(kind -> {
                List<Object> choices = new ArrayList<>();
                node.path("enum").forEach(choice -> choices.add(value(choice)));
                params.add(new FamilyParam(property.getKey(), kind,
                        node.has("minimum") ? node.get("minimum").asDouble() : null,
                        node.has("maximum") ? node.get("maximum").asDouble() : null,
                        node.has("default") ? value(node.get("default")) : null, choices,
                        node.path("description").asText("")));
            });
        }
        return params;
    }

    private static Optional<FamilyParam.Kind> kind(JsonNode node) {
        if (node.has("enum")) {
            return Optional.of(FamilyParam.Kind.ENUM);
        }
        return switch (node.path("type").asText()) {
            case "integer" -> Optional.of(FamilyParam.Kind.INTEGER);
            case "number" -> Optional.of(FamilyParam.Kind.NUMBER);
            case "boolean" -> Optional.of(FamilyParam.Kind.BOOLEAN);
            default -> Optional.empty();
        };
    }

    private static Optional<FamilyMetric> metric(JsonNode node, boolean judged) {
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        String metric = node.path("metric").asText("");
        if (metric.isEmpty() || !node.has("higherIsBetter")) {
            throw new IllegalStateException("a metric in " + PLATFORM_BLOCK + " needs 'metric' and 'higherIsBetter'");
        }
        OptionalDouble smallest = node.has("smallestEffect") ? OptionalDouble.of(node.get("smallestEffect").asDouble())
                : OptionalDouble.empty();
        if (judged && smallest.isEmpty()) {
            throw new IllegalStateException("the judged metric " + metric + " needs a smallestEffect");
        }
        return Optional.of(new FamilyMetric(metric, node.get("higherIsBetter").asBoolean(), smallest));
    }

    private static Map<String, ParamRange> searchable(String family, JsonNode node, List<FamilyParam> params) {
        Map<String, ParamRange> searchable = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            FamilyParam param = params.stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                    .filter(FamilyParam::numeric)
                    .orElseThrow(() -> new IllegalStateException(family + ": searchable '" + entry.getKey()
                            + "' is not a numeric parameter of the family"));
            ParamRange range = new ParamRange(entry.getValue().path(0).asDouble(), entry.getValue().path(1).asDouble());
            if ((param.minimum() != null && range.lo() < param.minimum())
                    || (param.maximum() != null && range.hi() > param.maximum())) {
                throw new IllegalStateException(family + ": the searchable range " + range + " of " + param.name()
                        + " leaves its schema's bounds [" + param.minimum() + ", " + param.maximum() + "]");
            }
            searchable.put(param.name(), range);
        }
        return searchable;
    }

    private static Object value(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        return Json.mapper().convertValue(node, Object.class);
    }

    private static String read(String file) {
        String resource = DIR + file;
        try (InputStream in = FamilyCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (the contracts jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
