package org.alignlab.bench.families;

import java.util.List;

/** Mean and sample standard deviation of a few timings. */
record Stats(double mean, double sd, double sum) {

    static Stats of(List<Double> values) {
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        double mean = values.isEmpty() ? Double.NaN : sum / values.size();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1));
        return new Stats(mean, sd, sum);
    }
}
