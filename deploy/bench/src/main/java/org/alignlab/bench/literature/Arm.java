package org.alignlab.bench.literature;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One configuration of a family that a question runs on every seed of the plan. */
public record Arm(String name, String family, Map<String, Object> params) {

    public Arm {
        params = Map.copyOf(params);
    }

    /** "auxLossAlpha=0.5, weakFeatures=2", in name order; "defaults" for none. */
    public String paramsText() {
        return params.isEmpty() ? "defaults"
                : new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
