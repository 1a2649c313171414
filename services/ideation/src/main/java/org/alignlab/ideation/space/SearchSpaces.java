package org.alignlab.ideation.space;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alignlab.ideation.config.IdeationConfig;
import org.alignlab.ideation.policy.ParamValues;

/**
 * Builds each family's search space from its schema and the configuration. Without a configured range a number
 * is searched within a factor of two of its baseline value or default (the lowest fifth of its range for 0):
 * the changes a careful researcher tries first, and the ones the trusted monitor was trained to find benign.
 */
@ApplicationScoped
public class SearchSpaces {

    private static final double DEFAULT_FACTOR = 2;
    private static final double ZERO_DEFAULT_SHARE = 0.2;

    private final IdeationConfig config;
    private final Map<String, Optional<SearchSpace>> spaces = new ConcurrentHashMap<>();

    public SearchSpaces(IdeationConfig config) {
        this.config = config;
    }

    /** The family's space, or empty when the family has no parameter schema. */
    public Optional<SearchSpace> of(String family) {
        return spaces.computeIfAbsent(family, f -> FamilySchema.load(f).map(this::build));
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

    private SearchSpace build(FamilySchema schema) {
        IdeationConfig.Family settings = config.families().get(schema.family());
        Map<String, Object> baseline = baseline(schema.family());
        // A parameter the baseline pins stays pinned unless the search is told to vary it.
        List<String> names = settings == null || settings.search().isEmpty()
                ? schema.params().stream().map(ParamSchema::name).filter(n -> !baseline.containsKey(n)).toList()
                : settings.search().get();
        Map<String, String> ranges = settings == null ? Map.of() : settings.range();
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : names) {
            ParamSchema param = schema.param(name).orElseThrow(() -> new IllegalStateException(
                    "alignlab.ideation.families." + schema.family() + ".search names '" + name
                            + "', which the family's schema does not have (or cannot be searched)"));
            dimensions.add(dimension(schema.family(), param, ranges.get(name), baseline.get(name)));
        }
        return new SearchSpace(schema, List.copyOf(dimensions), baseline,
                settings == null ? Optional.empty() : settings.objective(),
                settings != null && settings.minimize());
    }

    private static Dimension dimension(String family, ParamSchema param, String configuredRange, Object pinned) {
        if (!param.numeric()) {
            return new Dimension(param, 0, 1);
        }
        double min = param.minimum() == null ? -Double.MAX_VALUE : param.minimum();
        double max = param.maximum() == null ? Double.MAX_VALUE : param.maximum();
        double lo;
        double hi;
        if (configuredRange != null) {
            String[] bounds = configuredRange.split("\\.\\.");
            if (bounds.length != 2) {
                throw new IllegalStateException("alignlab.ideation.families." + family + ".range." + param.name()
                        + " must be lo..hi, not '" + configuredRange + "'");
            }
            lo = Double.parseDouble(bounds[0].trim());
            hi = Double.parseDouble(bounds[1].trim());
        } else {
            Object centre = pinned != null ? pinned : param.defaultValue();
            double base = centre instanceof Number n ? n.doubleValue() : 0;
            boolean bounded = param.minimum() != null && param.maximum() != null;
            if (base > 0) {
                lo = base / DEFAULT_FACTOR;
                hi = base * DEFAULT_FACTOR;
            } else if (base == 0 && bounded) {
                lo = min;
                hi = min + ZERO_DEFAULT_SHARE * (max - min);
            } else {
                throw new IllegalStateException("alignlab.ideation.families." + family + ".range." + param.name()
                        + " is needed: its schema gives no positive default or bounds to search around");
            }
        }
        lo = Math.max(min, lo);
        hi = Math.min(max, hi);
        if (lo > hi) {
            throw new IllegalStateException("the range of " + family + "." + param.name() + " is empty inside "
                    + "its schema's bounds [" + min + ", " + max + "]");
        }
        return new Dimension(param, lo, hi);
    }
}
