package org.alignlab.bench.literature;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over seeds with its two-sided 95 % Student t interval.
 *
 * @param n the seeds behind it: those that reported a value (in every arm, for a paired difference)
 */
public record Estimate(double value, double low, double high, int n) {

    private static final double LEVEL = 0.95;

    /**
     * The mean of the values that are not NaN (a seed that reported no value, as weak-to-strong's PGR where the ceiling
     * does not beat the weak model), with its t interval; fewer than two values give an interval of ±∞.
     */
    public static Estimate mean(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = present.length;
        double mean = n == 0 ? Double.NaN : Arrays.stream(present).average().orElseThrow();
        if (n < 2) {
            return new Estimate(mean, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, n);
        }
        double squares = Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
        return new Estimate(mean, mean - t * standardError, mean + t * standardError, n);
    }

    /**
     * {@code minus} subtracted from {@code values}, seed by seed: the arms of a question run on the same seeds, so the
     * same data and initial weights, and the difference of a pair cancels what the seed alone decides. A seed missing
     * from either is left out of both.
     */
    public static double[] differences(double[] values, double[] minus) {
        if (values.length != minus.length) {
            throw new IllegalArgumentException("arms of different lengths: " + values.length + ", " + minus.length);
        }
        double[] differences = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            differences[i] = values[i] - minus[i];
        }
        return differences;
    }

    /** Whether the interval lies entirely above zero ({@code direction} +1) or below it (−1). */
    public boolean excludesZeroToward(int direction) {
        return direction > 0 ? low > 0 : high < 0;
    }

    /** Whether the interval lies inside (−δ, δ). */
    public boolean within(double delta) {
        return low > -delta && high < delta;
    }

    /** "+0.031 (95 % CI −0.012 to +0.074)". */
    public String text() {
        return String.format(Locale.ROOT, "%s (95 %% CI %s to %s)", signed(value), signed(low), signed(high));
    }

    static String signed(double number) {
        if (Double.isInfinite(number)) {
            return number > 0 ? "+∞" : "−∞";
        }
        String text = String.format(Locale.ROOT, "%+.3f", number);
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }
}
