package org.alignlab.experiments.overopt;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Best-of-n selection by a proxy, scored by the unbiased estimator of Gao et al. (2022, appendix): from N candidates
 * per prompt, the expected score of the proxy's favourite among a uniformly random n of them. Sorting the N
 * candidates by proxy score, the one ranked i-th from the bottom (1-based) is the favourite of a random n-subset
 * with probability C(i−1, n−1) / C(N, n). This uses all N candidates for every n, so the curves over n are far less
 * noisy than drawing a fresh n per prompt, and n = N is the plain argmax.
 */
final class BestOfN {

    private BestOfN() {
    }

    /** Expected gold and proxy reward of the selected response, averaged over prompts. */
    record Selected(double gold, double proxy) {
    }

    /** The selected response's expected rewards for each n in {@code ns}, in the same order. */
    static Selected[] select(Candidates candidates, float[] proxy, int[] ns) {
        int perPrompt = candidates.perPrompt();
        double[][] weights = new double[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            if (ns[k] < 1 || ns[k] > perPrompt) {
                throw new IllegalArgumentException("n must be in [1, " + perPrompt + "], got " + ns[k]);
            }
            weights[k] = rankWeights(perPrompt, ns[k]);
        }
        double[] gold = new double[ns.length];
        double[] proxyReward = new double[ns.length];
        for (int p = 0; p < candidates.prompts(); p++) {
            int base = p * perPrompt;
            // Ties in the proxy are broken by candidate order, so the result is deterministic.
            int[] order = IntStream.range(base, base + perPrompt).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(r -> proxy[r]).thenComparingInt(r -> r))
                    .mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < ns.length; k++) {
                for (int i = 0; i < perPrompt; i++) {
                    gold[k] += weights[k][i] * candidates.gold()[order[i]];
                    proxyReward[k] += weights[k][i] * proxy[order[i]];
                }
            }
        }
        Selected[] selected = new Selected[ns.length];
        for (int k = 0; k < ns.length; k++) {
            selected[k] = new Selected(gold[k] / candidates.prompts(), proxyReward[k] / candidates.prompts());
        }
        return selected;
    }

    /**
     * weight[i] = C(i, n−1) / C(total, n) for the candidate at 0-based rank i from the bottom: the top one has weight
     * n/total, and each step down multiplies by (i + 1 − n)/i. The weights sum to 1.
     */
    static double[] rankWeights(int total, int n) {
        double[] weight = new double[total];
        weight[total - 1] = n / (double) total;
        for (int i = total - 1; i >= 1 && weight[i] > 0; i--) {
            weight[i - 1] = weight[i] * (i + 1 - n) / i;
        }
        return weight;
    }

    /**
     * KL(best-of-n ‖ base) = ln n − (n−1)/n, the analytic value Gao et al. (2022) use after Stiennon et al. (2020).
     * It assumes a continuous, tie-free proxy; Beirami et al. (2024) show it is in general an upper bound.
     */
    static double kl(int n) {
        return Math.log(n) - (n - 1) / (double) n;
    }

    /** 1, 2, 4, … up to {@code maxN}, and {@code maxN} itself when it is not a power of two. */
    static int[] grid(int maxN) {
        IntStream powers = IntStream.iterate(1, n -> n <= maxN, n -> n * 2);
        return IntStream.concat(powers, IntStream.of(maxN)).distinct().sorted().toArray();
    }
}
