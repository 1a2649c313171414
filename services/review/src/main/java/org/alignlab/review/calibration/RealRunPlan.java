package org.alignlab.review.calibration;

import java.util.Locale;

/**
 * What the calibration on real runs plants: for each family, {@code goals} planted goals, each one batch of a
 * baseline draw and one claim per other configuration of the family (its null copy and its known effects), judged
 * together as one round's claims are.
 *
 * @param goals    planted goals per family, so also claims per family and candidate configuration
 * @param nullDraw where a null claim's two arms come from
 * @param seed     the random generator's seed; the same seed and data give the same report
 */
public record RealRunPlan(int goals, NullDraw nullDraw, long seed) {

    /** Where the baseline and a null candidate draw their seeds. */
    public enum NullDraw {
        /**
         * The defaults and their copy are one configuration run on twice the seeds: the baseline and the null
         * candidate both draw from all of them (never the same seed), so the null's two arms are exchangeable and
         * the planted difference is exactly zero in expectation.
         */
        POOLED,
        /**
         * The baseline draws from the defaults' seeds only, the null candidate from the copy's only. Two finite pools'
         * means differ by chance, and every null claim inherits that difference as if it were an effect.
         */
        SEPARATE;

        static NullDraw parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public RealRunPlan {
        if (goals < 1) {
            throw new IllegalArgumentException("at least one goal per family");
        }
    }

    /** The documented run: 1,000 goals per family, pooled nulls. */
    public static RealRunPlan defaults() {
        return new RealRunPlan(1000, NullDraw.POOLED, 20261208L);
    }

    public RealRunPlan withGoals(int goals) {
        return new RealRunPlan(goals, nullDraw, seed);
    }

    public RealRunPlan withNullDraw(NullDraw nullDraw) {
        return new RealRunPlan(goals, nullDraw, seed);
    }

    public RealRunPlan withSeed(long seed) {
        return new RealRunPlan(goals, nullDraw, seed);
    }
}
