package org.alignlab.contracts.families;

import java.util.OptionalDouble;

/**
 * A metric the platform reads from a family's results.
 *
 * @param smallestEffect the smallest change of the metric that matters to a researcher (the equivalence margin and
 *                       the effect a design is powered for); empty for a metric only optimised, never judged
 */
public record FamilyMetric(String name, boolean higherIsBetter, OptionalDouble smallestEffect) {

    /** +1 when a larger value is better, −1 when a smaller one is. */
    public double sign() {
        return higherIsBetter ? 1 : -1;
    }
}
