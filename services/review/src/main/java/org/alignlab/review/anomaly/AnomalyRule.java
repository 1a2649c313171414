package org.alignlab.review.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Whether one run lies far outside the distribution of earlier runs of the same configuration. Pure.
 * <p>
 * <b>What is compared with what.</b> Per seed, not per run: for each metric, the run's median seed value against the
 * pooled per-seed values of the earlier runs. Per-seed values of one configuration are draws from one distribution
 * whatever the seed count of the run they came from, whereas run means are not (the mean of a 10-seed held-out
 * replication varies far less than the mean of a 3-seed validation run), so pooling means of runs of different sizes
 * would mix distributions. The run's <em>median</em> seed, rather than each seed, keeps one unlucky seed of an honest
 * run from holding a claim (and avoids testing every seed separately), while a fabricated or tampered run has to move
 * most of its seeds to move its claim. Since a median of several seeds varies less than one seed, the test is
 * conservative. <b>Each seed counts once:</b> the families are deterministic per seed, and ideation runs every
 * configuration on the same fixed seeds, so ten earlier runs on seeds 1–3 are three values, not thirty; the history
 * keeps one value per seed (the latest run's), and its spread is trusted only from {@code minSeedValues} distinct seeds
 * on (with 3 the MAD is so rough that about one ordinary run in six would be held).
 * <p>
 * <b>The rule.</b> robust z = (value − median) / spread, with spread = 1.4826 × MAD of the earlier values (the
 * standard deviation for normal data, but barely moved by a minority of outliers among them); anomalous when
 * |z| &gt; {@code threshold}. A metric with values from fewer than {@code minHistory} earlier runs, or fewer than
 * {@code minSeedValues} distinct seeds, is not judged.
 * <b>Degenerate spread:</b> when more than half the earlier values are equal the MAD is 0; then the spread is
 * 1.2533 × the mean absolute deviation from the median (the same scale for normal data; the usual fallback of the
 * modified z-score), and when that is 0 too (every earlier value the same: the metric does not move with the seed)
 * the value is anomalous only if it differs from them by more than {@code relativeTolerance} of their magnitude.
 */
public final class AnomalyRule {

    /** 1 / Φ⁻¹(3/4): makes the MAD of normal data estimate its standard deviation. */
    static final double MAD_SCALE = 1.4826;
    /** √(π/2): makes the mean absolute deviation of normal data estimate its standard deviation. */
    static final double MEAN_AD_SCALE = 1.2533;
    /** A robust z beyond this says nothing more; kept finite so that events can carry it. */
    static final double MAX_Z = 1e9;

    private final Settings settings;

    public AnomalyRule(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param minHistory        earlier runs a metric needs before a run is judged on it (at least 2)
     * @param minSeedValues     distinct seeds those runs must have values for (at least 3)
     * @param threshold         |robust z| above which a run is anomalous
     * @param relativeTolerance when every earlier value is the same: how far, relative to its magnitude (or absolutely
     *                          when it is 0), a value may differ and still be ordinary
     */
    public record Settings(int minHistory, int minSeedValues, double threshold, double relativeTolerance) {

        public Settings {
            if (minHistory < 2 || minSeedValues < 3 || !(threshold > 0) || !(relativeTolerance >= 0)) {
                throw new IllegalArgumentException("anomaly rule needs min-history >= 2, min-seed-values >= 3, a "
                        + "positive threshold and a non-negative relative tolerance");
            }
        }
    }

    /**
     * One metric of a run against its history.
     *
     * @param robustZ null when the spread is 0
     */
    public record Comparison(String metric, double value, double median, double spread, int runs, int seeds,
            Double robustZ, boolean anomalous) {
    }

    /**
     * @param comparisons one per metric judged, in the order given
     * @param notJudged   why a metric was not judged, one line each (too little history, no value in the run)
     */
    public record Judgement(List<Comparison> comparisons, List<String> notJudged) {

        public List<Comparison> anomalies() {
            return comparisons.stream().filter(Comparison::anomalous).toList();
        }

        public boolean anomalous() {
            return comparisons.stream().anyMatch(Comparison::anomalous);
        }

        /** Whether at least one metric had enough history to be judged. */
        public boolean judged() {
            return !comparisons.isEmpty();
        }
    }

    /**
     * @param run     the run's per-seed values, by metric
     * @param history the earlier runs of the same configuration, latest first, each its values by metric and seed
     */
    public Judgement judge(Map<String, List<Double>> run, List<Map<String, Map<Integer, Double>>> history) {
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : run.entrySet()) {
            String metric = entry.getKey();
            double[] values = finite(entry.getValue());
            if (values.length == 0) {
                notJudged.add(metric + ": the run has no finite value");
                continue;
            }
            // One value per seed, the latest run's: a seed run again is the same draw, not a new one.
            Map<Integer, Double> bySeed = new HashMap<>();
            int runs = 0;
            for (Map<String, Map<Integer, Double>> earlierRun : history) {
                boolean contributed = false;
                for (Map.Entry<Integer, Double> seed : earlierRun.getOrDefault(metric, Map.of()).entrySet()) {
                    if (seed.getKey() != null && seed.getValue() != null && Double.isFinite(seed.getValue())) {
                        bySeed.putIfAbsent(seed.getKey(), seed.getValue());
                        contributed = true;
                    }
                }
                runs += contributed ? 1 : 0;
            }
            if (runs < settings.minHistory() || bySeed.size() < settings.minSeedValues()) {
                notJudged.add(metric + ": only " + runs + " earlier run(s) of this configuration with "
                        + bySeed.size() + " distinct seed(s), at least " + settings.minHistory() + " runs and "
                        + settings.minSeedValues() + " seeds needed to judge");
                continue;
            }
            double[] pooled = bySeed.values().stream().mapToDouble(Double::doubleValue).toArray();
            comparisons.add(compare(metric, median(values), pooled, runs));
        }
        return new Judgement(List.copyOf(comparisons), List.copyOf(notJudged));
    }

    private Comparison compare(String metric, double value, double[] pooled, int runs) {
        double median = median(pooled);
        double[] deviations = Arrays.stream(pooled).map(x -> Math.abs(x - median)).toArray();
        double spread = MAD_SCALE * median(deviations);
        if (spread == 0) {
            spread = MEAN_AD_SCALE * Arrays.stream(deviations).average().orElse(0);
        }
        if (spread == 0) {
            double allowed = settings.relativeTolerance() * (median == 0 ? 1 : Math.abs(median));
            boolean anomalous = Math.abs(value - median) > allowed;
            return new Comparison(metric, value, median, 0, runs, pooled.length, null, anomalous);
        }
        double z = Math.max(-MAX_Z, Math.min(MAX_Z, (value - median) / spread));
        return new Comparison(metric, value, median, spread, runs, pooled.length, z,
                Math.abs(z) > settings.threshold());
    }

    private static double[] finite(List<Double> values) {
        if (values == null) {
            return new double[0];
        }
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).filter(Double::isFinite)
                .toArray();
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }
}
