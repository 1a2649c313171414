package org.alignlab.ideation.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Gaussian-process upper confidence bound: of many candidate points, pick the one whose predicted value plus
 * {@code exploration} standard deviations is highest. A batch picks one point at a time and then pretends it was
 * observed at its predicted mean ("kriging believer"), so the next pick goes somewhere the first did not.
 */
public final class UcbSearch {

    /** Share of candidates drawn close to the best observation, where the optimum most likely is. */
    private static final double LOCAL_SHARE = 0.25;
    private static final double LOCAL_SPREAD = 0.05;

    /** One chosen point, with what the model expected of it when it was chosen. */
    public record Pick(double[] point, GaussianProcess.Prediction prediction) {
    }

    private final double exploration;
    private final int candidates;

    public UcbSearch(double exploration, int candidates) {
        this.exploration = exploration;
        this.candidates = candidates;
    }

    /**
     * Up to {@code count} points, best first, that maximise the bound for observations {@code y} (larger is
     * better) at {@code x}. A point whose key is in {@code taken} (a configuration already tested or picked) is
     * skipped.
     */
    public List<Pick> next(double[][] x, double[] y, int count, long seed, Function<double[], String> keyOf,
            Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        List<double[]> pool = candidates(x, y, seed);
        List<double[]> xs = new ArrayList<>(Arrays.asList(x));
        List<Double> ys = new ArrayList<>();
        Arrays.stream(y).forEach(ys::add);
        GaussianProcess model = GaussianProcess.fit(x, y);
        List<Pick> picks = new ArrayList<>();
        while (picks.size() < count) {
            Pick best = null;
            double bestBound = Double.NEGATIVE_INFINITY;
            for (double[] candidate : pool) {
                GaussianProcess.Prediction prediction = model.predict(candidate);
                double bound = prediction.mean() + exploration * prediction.sd();
                if (bound > bestBound && !used.contains(keyOf.apply(candidate))) {
                    best = new Pick(candidate, prediction);
                    bestBound = bound;
                }
            }
            if (best == null) {
                break;
            }
            picks.add(best);
            used.add(keyOf.apply(best.point()));
            xs.add(best.point());
            ys.add(best.prediction().mean());
            model = model.refit(xs.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return picks;
    }

    /** A scrambled Sobol sequence over the whole cube plus a cloud around the best observation. */
    private List<double[]> candidates(double[][] x, double[] y, long seed) {
        int dimensions = x[0].length;
        Random random = new Random(seed);
        double[] shift = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            shift[d] = random.nextDouble();
        }
        int local = (int) (candidates * LOCAL_SHARE);
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimensions);
        List<double[]> pool = new ArrayList<>(candidates);
        for (int i = 0; i < candidates - local; i++) {
            double[] point = sobol.nextVector();
            for (int d = 0; d < dimensions; d++) {
                point[d] = (point[d] + shift[d]) % 1.0;
            }
            pool.add(point);
        }
        double[] incumbent = x[argmax(y)];
        for (int i = 0; i < local; i++) {
            double[] point = new double[dimensions];
            for (int d = 0; d < dimensions; d++) {
                point[d] = Math.max(0, Math.min(1, incumbent[d] + LOCAL_SPREAD * random.nextGaussian()));
            }
            pool.add(point);
        }
        return pool;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
