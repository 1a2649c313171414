package org.alignlab.ideation.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;

/**
 * What the search may vary for one family: the dimensions, the baseline they start from, the catalogue's defaults
 * that complete a configuration, and the metric that says which configuration is better (the catalogue's search
 * objective).
 *
 * @param baseline the configured parameters every proposal starts from ({@code {}}: the runner's defaults)
 */
public record SearchSpace(FamilyDefinition definition, List<Dimension> dimensions, Map<String, Object> baseline) {

    public String family() {
        return definition.name();
    }

    /** The validation metric to optimise; empty when the family declares none (explore only). */
    public Optional<String> objective() {
        return definition.searchObjective().map(FamilyMetric::name);
    }

    /** Whether a smaller objective is better. */
    public boolean minimize() {
        return definition.searchObjective().map(metric -> !metric.higherIsBetter()).orElse(false);
    }

    /** The parameters sent for a point of the unit cube: the baseline with every dimension set. */
    public Map<String, Object> params(double[] point) {
        Map<String, Object> params = new TreeMap<>(baseline);
        for (int i = 0; i < dimensions.size(); i++) {
            params.put(dimensions.get(i).name(), dimensions.get(i).decode(point[i]));
        }
        return params;
    }

    /** Where a tested configuration lies in the unit cube. */
    public double[] point(Map<String, Object> params) {
        Map<String, Object> effective = ConfigKey.effective(definition.defaults(), params);
        double[] point = new double[dimensions.size()];
        for (int i = 0; i < point.length; i++) {
            Dimension dimension = dimensions.get(i);
            Object value = effective.get(dimension.name());
            point[i] = value == null ? 0.5 : dimension.encode(value);
        }
        return point;
    }

    public String configKey(Map<String, Object> params) {
        return ConfigKey.of(definition.defaults(), params);
    }

    /** The parameters whose effective value differs, as {@code name: from → to}, for a hypothesis. */
    public Map<String, String> changes(Map<String, Object> from, Map<String, Object> to) {
        Map<String, Object> before = ConfigKey.effective(definition.defaults(), from);
        Map<String, Object> after = ConfigKey.effective(definition.defaults(), to);
        Map<String, String> changes = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            Object old = before.get(name);
            if (!sameValue(old, value)) {
                changes.put(name, old + " → " + value);
            }
        });
        return changes;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
