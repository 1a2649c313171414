package org.alignlab.ideation.space;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyParam;
import org.alignlab.contracts.families.ParamRange;
import org.alignlab.ideation.config.IdeationConfig;
import org.alignlab.ideation.policy.ParamValues;

/**
 * Builds each family's search space from the family catalogue (which parameters may be searched, over which ranges,
 * for which objective) and the configuration, which may narrow the catalogue (fewer parameters, narrower ranges) but
 * never widen it: a configured parameter or range outside the catalogue's fails when the space is built.
 */
@ApplicationScoped
public class SearchSpaces {

    private final IdeationConfig config;
    private final FamilyCatalogue catalogue = FamilyCatalogue.standard();
    private final Map<String, Optional<SearchSpace>> spaces = new ConcurrentHashMap<>();

    public SearchSpaces(IdeationConfig config) {
        this.config = config;
    }

    /** The family's space, or empty when the family declares no parameters (e.g. {@code script}). */
    public Optional<SearchSpace> of(String family) {
        return spaces.computeIfAbsent(family, f -> catalogue.find(f).filter(FamilyDefinition::hasParamsSchema)
                .map(this::build));
    }

    /** The identity of a configuration within a goal (see {@link ConfigKey}); a family without schema has no defaults. */
    public String configKey(String family, Map<String, Object> params) {
        return of(family).map(space -> space.configKey(params)).orElseGet(() -> ConfigKey.of(Map.of(), params));
    }

    /** The seeds every proposal of the family runs. */
    public List<Integer> seeds(String family) {
        IdeationConfig.Family settings = config.families().get(family);
        return List.copyOf(settings == null ? config.seeds() : settings.seeds().orElse(config.seeds()));
    }

    /** The configured baseline parameters of a family, typed. */
    public Map<String, Object> baseline(String family) {
        IdeationConfig.Family settings = config.families().get(family);
        return ParamValues.typed(settings == null ? Map.of() : settings.params());
    }

    /**
     * The one-dimensional space of a factor the goal asks about: the factor over its configured range (or the
     * catalogue's), every other parameter at the baseline. A factor the configuration leaves out of the search, or
     * the baseline pins, is still swept when a goal asks about it: the researcher's question decides.
     */
    public SearchSpace factor(String family, String factor) {
        FamilyDefinition definition = catalogue.find(family).orElseThrow();
        ParamRange widest = definition.searchable().get(factor);
        if (widest == null) {
            throw new IllegalArgumentException("'" + factor + "' is not a searchable parameter of " + family);
        }
        IdeationConfig.Family settings = config.families().get(family);
        Map<String, String> ranges = settings == null ? Map.of() : settings.range();
        ParamRange range = ranges.containsKey(factor) ? narrowed(family, factor, ranges.get(factor), widest) : widest;
        return new SearchSpace(definition, List.of(new Dimension(definition.param(factor).orElseThrow(), range.lo(),
                range.hi())), baseline(family));
    }

    private SearchSpace build(FamilyDefinition family) {
        IdeationConfig.Family settings = config.families().get(family.name());
        Map<String, Object> baseline = baseline(family.name());
        // A parameter the baseline pins stays pinned unless the configuration names it for the search.
        List<String> names = settings == null || settings.search().isEmpty()
                ? family.searchable().keySet().stream().filter(n -> !baseline.containsKey(n)).toList()
                : settings.search().get();
        Map<String, String> ranges = settings == null ? Map.of() : settings.range();
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : names) {
            ParamRange widest = family.searchable().get(name);
            if (widest == null) {
                throw new IllegalStateException("alignlab.ideation.families." + family.name() + ".search names '"
                        + name + "', which the family catalogue does not let the search vary (searchable: "
                        + family.searchable().keySet() + ")");
            }
            FamilyParam param = family.param(name).orElseThrow();
            ParamRange range = ranges.containsKey(name) ? narrowed(family.name(), name, ranges.get(name), widest)
                    : widest;
            dimensions.add(new Dimension(param, range.lo(), range.hi()));
        }
        return new SearchSpace(family, List.copyOf(dimensions), baseline);
    }

    private static ParamRange narrowed(String family, String name, String configured, ParamRange widest) {
        String key = "alignlab.ideation.families." + family + ".range." + name;
        String[] bounds = configured.split("\\.\\.");
        if (bounds.length != 2) {
            throw new IllegalStateException(key + " must be lo..hi, not '" + configured + "'");
        }
        ParamRange range = new ParamRange(Double.parseDouble(bounds[0].trim()), Double.parseDouble(bounds[1].trim()));
        if (!widest.contains(range)) {
            throw new IllegalStateException(key + " = " + range + " leaves the catalogue's range " + widest
                    + "; configuration may only narrow it");
        }
        return range;
    }
}
