package org.alignlab.bench.seedvalues;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.Split;

/**
 * One seed's value of a family's judged metric under one configuration, as a line of the data file.
 *
 * @param value empty when the seed reported no value (weak-to-strong leaves PGR out where the ceiling does not beat
 *              the weak model); review leaves such a seed out of a claim, and so does the calibration
 */
public record SeedValue(String family, String configuration, Map<String, Object> params, Split split, int seed,
        String metric, OptionalDouble value) {

    public static final String HEADER = "family,configuration,params,split,seed,metric,value";

    /**
     * A CSV line. Params are written {@code name=value} joined by {@code ;} in name order, so no field needs quoting;
     * the value is the shortest decimal that reads back as the same double.
     */
    public String csv() {
        String encodedParams = new TreeMap<>(params).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(";"));
        String splitName = split == Split.HELDOUT ? "heldout" : "validation";
        String number = value.isPresent() ? Double.toString(value.getAsDouble()) : "";
        return String.join(",", family, configuration, encodedParams, splitName, Integer.toString(seed), metric,
                number);
    }
}
