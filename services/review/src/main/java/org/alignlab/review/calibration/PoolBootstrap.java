package org.alignlab.review.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * How much the calibration's rates owe to the particular seeds the families ran on. Planted claims reuse a few dozen
 * seeds per pool, so their Wilson intervals say how exactly the rates are known for these pools, not for the family.
 * Here each replicate redraws every pool with replacement from itself and plants claims again; the spread of a rate
 * across replicates is the part of its uncertainty that comes from the pools being finite.
 */
public final class PoolBootstrap {

    private final RealRunCalibration calibration;

    public PoolBootstrap(RealRunCalibration calibration) {
        this.calibration = calibration;
    }

    /** Per family and candidate: the ACCEPTED and REJECTED rates of each replicate. */
    public record Spread(String family, String candidate, double[] accepted, double[] rejected) {

        /** The 2.5th and 97.5th percentiles of the replicates' rates. */
        static double[] percentiles(double[] rates) {
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            return new double[] {sorted[(int) Math.floor(0.025 * (sorted.length - 1))],
                    sorted[(int) Math.ceil(0.975 * (sorted.length - 1))]};
        }

        String render() {
            double[] a = percentiles(accepted);
            double[] r = percentiles(rejected);
            return String.format(Locale.ROOT, "| %s | %s | %.1f–%.1f %% | %.1f–%.1f %% |", family, candidate,
                    100 * a[0], 100 * a[1], 100 * r[0], 100 * r[1]);
        }
    }

    public List<Spread> run(SeedPools pools, RealRunPlan plan, int replicates) {
        RandomGenerator random = new Well19937c(plan.seed());
        Map<String, double[][]> rates = new LinkedHashMap<>();
        for (int b = 0; b < replicates; b++) {
            RealRunReport report = calibration.run(pools.resampled(random), plan.withSeed(random.nextLong()));
            for (RealClaimTally t : report.tallies()) {
                double[][] r = rates.computeIfAbsent(t.family() + "\u0000" + t.candidate(),
                        key -> new double[2][replicates]);
                r[0][b] = t.acceptedRate();
                r[1][b] = t.rejectedRate();
            }
        }
        List<Spread> spreads = new ArrayList<>();
        rates.forEach((key, r) -> {
            String[] names = key.split("\u0000");
            spreads.add(new Spread(names[0], names[1], r[0], r[1]));
        });
        return spreads;
    }

    public static String render(List<Spread> spreads, int replicates, RealRunPlan plan) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nover the pools: %d replicates of %d "
                + "goals per family, each on pools redrawn with replacement (95 %% of replicates within)%n%n",
                replicates, plan.goals()));
        out.append("| family | candidate | ACCEPTED | REJECTED |\n| --- | --- | --- | --- |\n");
        spreads.forEach(s -> out.append(s.render()).append('\n'));
        return out.toString();
    }
}
