package org.alignlab.contracts.families;

import java.util.List;
import java.util.Map;

/**
 * How a family's compute grows with its parameters, from its schema's {@code x-alignlab.cost} block: a sum of terms,
 * each the product of some parameters (a term such as nTrain × epochs × hidden × hidden is the multiply-adds of
 * training a layer). Only ratios are meaningful: {@link #ratio} compares a run's parameters with the family's
 * defaults, which is what tells a scale study from a run sized to burn its whole budget.
 *
 * @param terms each term's parameter names; every name is a numeric parameter with a numeric default
 */
public record FamilyCost(List<List<String>> terms) {

    public FamilyCost {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a cost model needs at least one term");
        }
        terms = terms.stream().map(List::copyOf).toList();
    }

    /**
     * The compute of one seed at {@code effective} params relative to the family's defaults: 1 at the defaults,
     * 8 for a run eight times as expensive.
     */
    public double ratio(Map<String, Object> effective, Map<String, Object> defaults) {
        return of(effective) / of(defaults);
    }

    private double of(Map<String, Object> params) {
        double total = 0;
        for (List<String> term : terms) {
            double product = 1;
            for (String name : term) {
                // A value that is not a positive number counts as 1: the params schema rule blocks such a run.
                product *= params.get(name) instanceof Number number && number.doubleValue() > 0
                        ? number.doubleValue()
                        : 1;
            }
            total += product;
        }
        return total;
    }
}
