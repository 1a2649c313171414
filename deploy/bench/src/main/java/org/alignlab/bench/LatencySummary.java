package org.alignlab.bench;

import org.HdrHistogram.Histogram;

/** The percentiles the report shows, in milliseconds, from a histogram recorded in microseconds. */
record LatencySummary(long count, double p50, double p90, double p99, double max) {

    static final LatencySummary NONE = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static LatencySummary ofMicros(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)), millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
