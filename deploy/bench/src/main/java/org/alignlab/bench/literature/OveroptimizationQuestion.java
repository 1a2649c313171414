package org.alignlab.bench.literature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gao et al. 2022: under best-of-n against a proxy reward model, does the gold reward rise and then fall with
 * d = √KL, as d(α − βd) says, and does a reward model trained on more data move the peak outward and raise it?
 * Here "more reward model" is more gold-labelled samples for the proxy, not more parameters.
 */
public final class OveroptimizationQuestion implements Question {

    static final String FAMILY = "reward-overoptimization";
    /** The family's default. */
    static final int FEW = 64;
    /** Eight times as many: the calibration's large gain in gold_peak (docs/review-calibration.md). */
    static final int MANY = 512;
    /**
     * The n compared with the largest: d = 1.35, where the gold reward peaked in the family's README (seeds 1 and 2,
     * n = 8 to 32). Fixed before these runs so that no seed's own peak chooses the comparison.
     */
    static final int MIDDLE_N = 16;
    /** The catalogue's smallest effect of interest for gold_peak, in the same gold-reward units. */
    private static final OptionalDouble GOLD_DELTA = OptionalDouble.of(0.05);
    private static final Pattern GOLD_AT_N = Pattern.compile("gold_n(\\d+)");

    @Override
    public String name() {
        return FAMILY;
    }

    @Override
    public String heading() {
        return "Reward model overoptimization under best-of-n (Gao et al. 2022)";
    }

    @Override
    public List<Arm> arms() {
        return List.of(arm(FEW), arm(MANY));
    }

    private static Arm arm(int proxySamples) {
        return new Arm(armName(proxySamples), FAMILY, Map.of("proxySamples", proxySamples));
    }

    static String armName(int proxySamples) {
        return "proxySamples-" + proxySamples;
    }

    @Override
    public String details(Map<String, ArmRun> runs) {
        ArmRun few = runs.get(armName(FEW));
        ArmRun many = runs.get(armName(MANY));
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| n | d = √KL | gold, %1$d samples | proxy, %1$d | gold, %2$d samples | proxy, %2$d |%n"
                        + "| --- | --- | --- | --- | --- | --- |%n",
                FEW, MANY));
        for (int n : ns(few)) {
            table.append(String.format(Locale.ROOT, "| %d | %.2f | %s | %.3f | %s | %.3f |%n", n, d(few, n),
                    few.mean("gold_n" + n).text(), few.mean("proxy_n" + n).value(), many.mean("gold_n" + n).text(),
                    many.mean("proxy_n" + n).value()));
        }
        return table.toString();
    }

    @Override
    public List<Finding> findings(Map<String, ArmRun> runs) {
        ArmRun few = runs.get(armName(FEW));
        ArmRun many = runs.get(armName(MANY));
        int largestN = ns(few).get(ns(few).size() - 1);
        double dMax = d(few, largestN);
        return List.of(
                Finding.judge("Gold reward rises, then falls as d = √KL grows; d(α − βd) fits it with β > 0",
                        "fit β at " + FEW + " samples", few.mean("fit_beta"), 1, OptionalDouble.empty(),
                        String.format(Locale.ROOT, "R² %.3f; the fit peaks (α, β > 0) in %d of %d seeds, inside the "
                                + "range run (d* < %.2f) in %d; d* %s", few.mean("fit_r2").value(),
                                few.reported("d_at_peak"), few.seeds().size(), dMax, peaksBefore(few, dMax),
                                few.mean("d_at_peak").text())),
                Finding.judge("Optimised past the peak, the gold reward falls",
                        "gold(n=" + largestN + ") − gold(n=" + MIDDLE_N + ")",
                        within(few, "gold_n" + largestN, "gold_n" + MIDDLE_N), -1, GOLD_DELTA,
                        FEW + " samples, paired by seed"),
                Finding.judge("… while the proxy reward keeps rising",
                        "proxy(n=" + largestN + ") − proxy(n=" + MIDDLE_N + ")",
                        within(few, "proxy_n" + largestN, "proxy_n" + MIDDLE_N), 1, OptionalDouble.empty(),
                        FEW + " samples, paired by seed"),
                Finding.judge("A better reward model (here: more proxy data) moves the peak outward",
                        "d*(" + MANY + ") − d*(" + FEW + ")", between(many, few, "d_at_peak"), 1,
                        OptionalDouble.empty(),
                        String.format(Locale.ROOT, "d* %s at %d, %s at %d, beyond the range run (extrapolated) in %d "
                                + "of %d seeds at %d; the empirical peak's d %s → %s", few.mean("d_at_peak").text(),
                                FEW, many.mean("d_at_peak").text(), MANY, many.reported("d_at_peak")
                                        - peaksBefore(many, dMax),
                                many.seeds().size(), MANY,
                                Estimate.mean(empiricalPeakD(few)).text(), Estimate.mean(empiricalPeakD(many)).text())),
                Finding.judge("… and raises the gold reward at the peak",
                        "gold_peak(" + MANY + ") − gold_peak(" + FEW + ")", between(many, few, "gold_peak"), 1,
                        GOLD_DELTA, String.format(Locale.ROOT, "gold_peak %s at %d, %s at %d",
                                few.mean("gold_peak").text(), FEW, many.mean("gold_peak").text(), MANY)));
    }

    /** Two metrics of the same seeds, one minus the other. */
    private static Estimate within(ArmRun run, String metric, String minus) {
        return Estimate.mean(Estimate.differences(run.values(metric), run.values(minus)));
    }

    /** One metric of two arms, seed by seed. */
    private static Estimate between(ArmRun run, ArmRun minus, String metric) {
        return Estimate.mean(Estimate.differences(run.values(metric), minus.values(metric)));
    }

    /** Seeds whose fitted peak lies inside the range of d the best-of-n curve covers. */
    private static int peaksBefore(ArmRun run, double dMax) {
        return (int) Arrays.stream(run.values("d_at_peak")).filter(d -> d < dMax).count();
    }

    /** d at the n with the highest gold reward: defined for every seed, but never beyond the largest n run. */
    private static double[] empiricalPeakD(ArmRun run) {
        return run.perSeed().stream().mapToDouble(metrics -> {
            Double n = metrics.get("gold_peak_n");
            return n == null ? Double.NaN : Math.sqrt(metrics.get("kl_n" + n.intValue()));
        }).toArray();
    }

    /** The n the family reported gold for, ascending. */
    static List<Integer> ns(ArmRun run) {
        return run.perSeed().get(0).keySet().stream().map(GOLD_AT_N::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
    }

    /** d = √KL at n: KL is analytic in n, the same for every seed. */
    private static double d(ArmRun run, int n) {
        return Math.sqrt(run.mean("kl_n" + n).value());
    }
}
