package org.alignlab.experiments.overopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BestOfNTest {

    @Test
    void estimatorEqualsTheAverageOverEverySubset() {
        // One prompt, 6 candidates: enumerate all C(6, n) subsets and average the gold of each subset's proxy-best.
        Random rng = new Random(9);
        int total = 6;
        float[] proxy = new float[total];
        double[] gold = new double[total];
        for (int i = 0; i < total; i++) {
            proxy[i] = (float) rng.nextGaussian();
            gold[i] = rng.nextGaussian();
        }
        Candidates one = new Candidates(new float[total][1], gold, 1, total);
        int[] ns = {1, 2, 3, 4, 5, 6};

        BestOfN.Selected[] selected = BestOfN.select(one, proxy, ns);

        for (int k = 0; k < ns.length; k++) {
            double goldSum = 0;
            double proxySum = 0;
            int subsets = 0;
            for (int mask = 0; mask < 1 << total; mask++) {
                if (Integer.bitCount(mask) != ns[k]) {
                    continue;
                }
                int best = -1;
                for (int i = 0; i < total; i++) {
                    if ((mask & 1 << i) != 0 && (best < 0 || proxy[i] > proxy[best])) {
                        best = i;
                    }
                }
                goldSum += gold[best];
                proxySum += proxy[best];
                subsets++;
            }
            assertThat(selected[k].gold()).as("n=" + ns[k]).isCloseTo(goldSum / subsets, within(1e-12));
            assertThat(selected[k].proxy()).as("n=" + ns[k]).isCloseTo(proxySum / subsets, within(1e-6));
        }
    }

    @Test
    void rankWeightsAreADistributionFromUniformToArgmax() {
        assertThat(BestOfN.rankWeights(5, 1)).containsExactly(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, within(1e-15));
        assertThat(BestOfN.rankWeights(5, 5)).containsExactly(0, 0, 0, 0, 1.0);
        // C(i, 1)/C(5, 2) for ranks i = 0..4 from the bottom: the best of a random pair.
        assertThat(BestOfN.rankWeights(5, 2)).containsExactly(new double[] {0, 0.1, 0.2, 0.3, 0.4}, within(1e-15));
        for (int n : new int[] {2, 17, 100, 256}) {
            double sum = 0;
            for (double w : BestOfN.rankWeights(256, n)) {
                assertThat(w).isGreaterThanOrEqualTo(0);
                sum += w;
            }
            assertThat(sum).as("n=" + n).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void klAndGrid() {
        assertThat(BestOfN.kl(1)).isZero();
        assertThat(BestOfN.kl(2)).isCloseTo(Math.log(2) - 0.5, within(1e-15));
        assertThat(BestOfN.kl(256)).isCloseTo(Math.log(256) - 255.0 / 256, within(1e-15));
        assertThat(BestOfN.grid(256)).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256);
        assertThat(BestOfN.grid(100)).containsExactly(1, 2, 4, 8, 16, 32, 64, 100);
        assertThat(BestOfN.grid(2)).containsExactly(1, 2);
    }
}
