package org.alignlab.review.round;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.alignlab.review.claim.ReviewSettings;
import org.alignlab.review.stats.Samples;
import org.alignlab.review.stats.SeedsForPower;

/**
 * How many fresh held-out seeds each configuration of a round is replicated on: enough for a claim to detect the
 * family's smallest effect of interest δ with the given power at the spread the round's validation runs show, but
 * never fewer than {@code min} nor more than {@code max} (the compute a round may spend on replication). The spread
 * is the variance within configurations, pooled over every configuration with two or more validation values: the
 * configurations differ in their means, not (to a first approximation) in how much seeds move them.
 *
 * @param min   seeds every configuration gets, whatever the spread
 * @param max   the ceiling: at most {@code ReviewSettings.MAX_SEEDS}, what one experiment spec carries
 * @param alpha the two-sided level the claims are tested at
 * @param power the chance of detecting an effect of δ that the count aims for
 */
record HeldoutSeeds(int min, int max, double alpha, double power) {

    /** The count and the sentence that says how it was chosen. */
    record Choice(int seeds, String why) {
    }

    HeldoutSeeds {
        if (min < 2 || max < min || max > ReviewSettings.MAX_SEEDS) {
            throw new IllegalArgumentException("need 2 <= min <= max <= " + ReviewSettings.MAX_SEEDS + ", got min "
                    + min + ", max " + max);
        }
    }

    /**
     * @param validationValues per configuration, the judged metric's per-seed values on validation
     * @param smallestEffect   δ of the family's judged metric; without one there is nothing to aim for
     */
    Choice choose(List<List<Double>> validationValues, OptionalDouble smallestEffect) {
        if (smallestEffect.isEmpty()) {
            return new Choice(min, "the family declares no smallest effect of interest");
        }
        double sumOfSquares = 0;
        int degreesOfFreedom = 0;
        for (List<Double> values : validationValues) {
            double[] sample = values.stream().mapToDouble(Double::doubleValue).toArray();
            // A single value adds nothing: no squares and no degree of freedom.
            sumOfSquares += Samples.variance(sample) * Math.max(0, sample.length - 1);
            degreesOfFreedom += Math.max(0, sample.length - 1);
        }
        if (degreesOfFreedom == 0) {
            return new Choice(min, "no configuration has two validation values to measure the spread");
        }
        double variance = sumOfSquares / degreesOfFreedom;
        double delta = smallestEffect.getAsDouble();
        int needed = SeedsForPower.perArm(2 * variance, delta, alpha, power);
        int seeds = Math.max(min, Math.min(max, needed));
        String spread = String.format(Locale.ROOT, "%.0f %% power for δ = %.4g at the validation sd %.4g (%d df) "
                + "needs %s per configuration", power * 100, delta, Math.sqrt(variance), degreesOfFreedom,
                needed == Integer.MAX_VALUE ? "more seeds than any budget" : needed + " seeds");
        String bound = needed > max ? "; the budget allows " + max
                : needed < min ? "; every configuration gets at least " + min : "";
        return new Choice(seeds, spread + bound);
    }
}
