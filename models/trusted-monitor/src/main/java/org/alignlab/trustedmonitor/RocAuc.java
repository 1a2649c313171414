package org.alignlab.trustedmonitor;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve by the Mann–Whitney U statistic: the probability that a random attack scores above a
 * random benign row, ties counting one half. Ranks are averaged over ties, so the result does not depend on the order
 * of equal scores.
 */
final class RocAuc {

    private RocAuc() {
    }

    static double of(double[] attackScores, double[] benignScores) {
        int m = attackScores.length;
        int n = benignScores.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("AUC needs both attack and benign scores, got " + m + " and " + n);
        }
        double[][] all = new double[m + n][];
        for (int i = 0; i < m; i++) {
            all[i] = new double[] {attackScores[i], 1};
        }
        for (int i = 0; i < n; i++) {
            all[m + i] = new double[] {benignScores[i], 0};
        }
        Arrays.sort(all, Comparator.comparingDouble(row -> row[0]));
        double attackRankSum = 0;
        int i = 0;
        while (i < all.length) {
            int j = i;
            while (j + 1 < all.length && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    attackRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double u = attackRankSum - m * (m + 1) / 2.0;
        return u / ((double) m * n);
    }
}
