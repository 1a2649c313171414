package org.alignlab.bench.literature;

import java.util.OptionalDouble;

/** What a measured effect says of a published qualitative result. */
public enum Verdict {
    REPRODUCED, NOT_REPRODUCED, INCONCLUSIVE;

    /**
     * REPRODUCED when the 95 % interval excludes zero in the published direction; NOT REPRODUCED on evidence against:
     * the interval excludes the published direction, or lies within the smallest effect of interest δ (the family
     * catalogue's, where it declares one for this metric), so any effect left is too small to matter; else
     * INCONCLUSIVE. Judging equivalence on the 95 % interval rather than TOST's 90 % errs toward INCONCLUSIVE.
     *
     * @param direction +1 when the published result is an increase (or a positive value), −1 for a decrease
     */
    public static Verdict judge(Estimate effect, int direction, OptionalDouble delta) {
        if (effect.excludesZeroToward(direction)) {
            return REPRODUCED;
        }
        if (effect.excludesZeroToward(-direction) || delta.isPresent() && effect.within(delta.getAsDouble())) {
            return NOT_REPRODUCED;
        }
        return INCONCLUSIVE;
    }

    /** As the table prints it. */
    public String label() {
        return name().replace('_', ' ');
    }
}
