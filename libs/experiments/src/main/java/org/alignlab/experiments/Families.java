package org.alignlab.experiments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The families a runner knows, by name. */
public final class Families {

    private final Map<String, ExperimentFamily> byName = new TreeMap<>();

    public Families(List<ExperimentFamily> families) {
        for (ExperimentFamily family : families) {
            if (byName.putIfAbsent(family.name(), family) != null) {
                throw new IllegalArgumentException("two families named " + family.name());
            }
        }
    }

    public Optional<ExperimentFamily> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
