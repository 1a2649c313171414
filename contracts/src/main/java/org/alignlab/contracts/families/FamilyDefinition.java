package org.alignlab.contracts.families;

import com.networknt.schema.JsonSchema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;

/**
 * What the platform knows of one experiment family, read from the catalogue and the family's parameter schema: its
 * parameters, the metric its claims are judged on, the metric the search optimises and what the search may vary.
 * Immutable and thread-safe.
 */
public final class FamilyDefinition {

    private final String name;
    private final boolean agentCode;
    private final List<FamilyParam> params;
    private final Optional<FamilyMetric> judged;
    private final Optional<FamilyMetric> objective;
    private final Map<String, ParamRange> searchable;
    private final Optional<JsonSchema> paramsSchema;
    private final Optional<String> paramsSchemaText;

    FamilyDefinition(String name, boolean agentCode, List<FamilyParam> params, Optional<FamilyMetric> judged,
            Optional<FamilyMetric> objective, Map<String, ParamRange> searchable, Optional<JsonSchema> paramsSchema,
            Optional<String> paramsSchemaText) {
        this.name = name;
        this.agentCode = agentCode;
        this.params = List.copyOf(params);
        this.judged = judged;
        this.objective = objective;
        this.searchable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searchable));
        this.paramsSchema = paramsSchema;
        this.paramsSchemaText = paramsSchemaText;
    }

    public String name() {
        return name;
    }

    /** Whether the family runs code an agent wrote ({@code script}): its params are the script's own, unchecked. */
    public boolean agentCode() {
        return agentCode;
    }

    /** Whether the family declares its parameters in a schema (every family that runs no agent code). */
    public boolean hasParamsSchema() {
        return paramsSchema.isPresent();
    }

    /** The parameter schema as written, for a reader that wants all of it (an LLM's prompt). */
    public Optional<String> paramsSchemaText() {
        return paramsSchemaText;
    }

    public List<FamilyParam> params() {
        return params;
    }

    public Optional<FamilyParam> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** The metric a claim of this family is judged on; empty for a family whose runs are reviewed one by one. */
    public Optional<FamilyMetric> judgedMetric() {
        return judged;
    }

    /** The validation metric the search optimises; empty when it can only explore. */
    public Optional<FamilyMetric> searchObjective() {
        return objective;
    }

    /** The parameters the search may vary, in the catalogue's order, each with its widest range. */
    public Map<String, ParamRange> searchable() {
        return searchable;
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
