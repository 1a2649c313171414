package org.alignlab.contracts.families;

import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;

/**
 * What the platform knows of one experiment family, read from the catalogue and the family's parameter schema: its
 * parameters, the metric its claims are judged on, the metric the search optimises and what the search may vary.
 * Immutable and thread-safe.
 *
 * @param agentCode        whether the family runs code an agent wrote ({@code script}): its params are the script's
 *                         own, unchecked
 * @param judgedMetric     the metric a claim of this family is judged on; empty for a family whose runs are reviewed
 *                         one by one
 * @param searchObjective  the validation metric the search optimises; empty when it can only explore
 * @param searchable       the parameters the search may vary, in the catalogue's order, each with its widest range
 * @param paramsSchemaText the parameter schema as written, for a reader that wants all of it (an LLM's prompt)
 * @param cost             how the family's compute grows with its params; empty for a family without a cost model
 * @param factorNames      besides its own name, the words a question uses for a searchable parameter (the auxiliary
 *                         confidence loss for {@code auxLossAlpha}), by parameter
 */
public record FamilyDefinition(String name, boolean agentCode, List<FamilyParam> params,
        Optional<FamilyMetric> judgedMetric, Optional<FamilyMetric> searchObjective, Map<String, ParamRange> searchable,
        Optional<JsonSchema> paramsSchema, Optional<String> paramsSchemaText, Optional<FamilyCost> cost,
        Map<String, List<String>> factorNames) {

    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    public FamilyDefinition {
        params = List.copyOf(params);
        searchable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searchable));
        factorNames = Map.copyOf(factorNames);
    }

    /**
     * The searchable parameters {@code question} names, in the catalogue's order: by the parameter's own name
     * ({@code auxLossAlpha}), its words ({@code aux loss alpha}) or one of its {@link #factorNames()}, matched as
     * whole words regardless of case and punctuation.
     */
    public List<String> factorsNamedIn(String question) {
        String text = " " + words(question) + " ";
        List<String> named = new ArrayList<>();
        for (String param : searchable.keySet()) {
            List<String> names = new ArrayList<>(List.of(param, CAMEL_HUMP.matcher(param).replaceAll(" ")));
            names.addAll(factorNames.getOrDefault(param, List.of()));
            if (names.stream().anyMatch(name -> text.contains(" " + words(name) + " "))) {
                named.add(param);
            }
        }
        return List.copyOf(named);
    }

    private static String words(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether the family declares its parameters in a schema (every family that runs no agent code). */
    public boolean hasParamsSchema() {
        return paramsSchema.isPresent();
    }

    public Optional<FamilyParam> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** The value each parameter takes when a spec leaves it out, by name; empty for a family without a schema. */
    public Map<String, Object> defaults() {
        Map<String, Object> defaults = new TreeMap<>();
        params.stream().filter(p -> p.defaultValue() != null).forEach(p -> defaults.put(p.name(), p.defaultValue()));
        return defaults;
    }

    /** The parameters a run actually uses: the defaults, overridden by what {@code given} sets. */
    public Map<String, Object> effective(Map<String, Object> given) {
        Map<String, Object> effective = new HashMap<>(defaults());
        if (given != null) {
            effective.putAll(given);
        }
        return new TreeMap<>(effective);
    }

    /** One seed's compute at {@code given} params relative to the defaults; empty without a cost model. */
    public OptionalDouble costRatio(Map<String, Object> given) {
        return cost.map(model -> OptionalDouble.of(model.ratio(effective(given), defaults())))
                .orElse(OptionalDouble.empty());
    }

    /**
     * What is wrong with {@code given} against the family's parameter schema (unknown names, wrong types, values out
     * of range), one message per violation naming the parameter; empty when valid or when the family has no schema.
     */
    public List<String> violations(Map<String, Object> given) {
        return paramsSchema
                .map(schema -> EventValidator.describe(schema.validate(Json.tree(given == null ? Map.of() : given))))
                .orElse(List.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
