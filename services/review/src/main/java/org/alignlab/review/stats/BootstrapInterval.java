package org.alignlab.review.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap interval for mean(candidate) − mean(baseline): each group is resampled with replacement on
 * its own (the two configurations ran on independent seeds). Seeded, so the same claim always gets the same
 * interval and a re-published review is identical.
 */
public final class BootstrapInterval {

    private BootstrapInterval() {
    }

    /** @param shareAboveZero the share of resampled differences above zero, a bootstrap "probability of gain" */
    public record Result(double lo, double hi, double shareAboveZero) {
    }

    public static Result differenceOfMeans(double[] candidate, double[] baseline, double confidence, int resamples,
            long seed) {
        Samples.requireAtLeastTwo(candidate, baseline);
        if (!(confidence > 0 && confidence < 1) || resamples < 100) {
            throw new IllegalArgumentException("confidence in (0, 1) and at least 100 resamples, got " + confidence
                    + " and " + resamples);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] differences = new double[resamples];
        int above = 0;
        for (int b = 0; b < resamples; b++) {
            differences[b] = resampledMean(candidate, random) - resampledMean(baseline, random);
            if (differences[b] > 0) {
                above++;
            }
        }
        Arrays.sort(differences);
        double tail = (1 - confidence) / 2 * 100;
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(differences);
        return new Result(percentile.evaluate(tail), percentile.evaluate(100 - tail), above / (double) resamples);
    }

    private static double resampledMean(double[] values, RandomGenerator random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}
