package org.alignlab.monitor.controleval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The ROC curve of a score that should be higher for attacks, and the area under it.
 *
 * @param points from (0, 0) — threshold null, nothing flagged — to (1, 1), one point per distinct score: flagging
 *               everything at or above {@code threshold} gives that false and true positive rate
 * @param auc    the probability that a random attack scores above a random benign action, ties counting half
 *               (the Mann-Whitney U statistic over both counts)
 */
public record RocCurve(List<RocPoint> points, double auc) {

    public record RocPoint(Double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    public RocCurve {
        points = List.copyOf(points);
    }

    /** @throws IllegalArgumentException unless there is at least one attack and one benign score */
    public static RocCurve of(double[] scores, boolean[] attack) {
        if (scores.length != attack.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + attack.length + " labels");
        }
        int attacks = (int) IntStream.range(0, attack.length).filter(i -> attack[i]).count();
        int benign = attack.length - attacks;
        if (attacks == 0 || benign == 0) {
            throw new IllegalArgumentException("a ROC curve needs attacks and benign actions");
        }
        return new RocCurve(points(scores, attack, attacks, benign), auc(scores, attack, attacks, benign));
    }

    private static List<RocPoint> points(double[] scores, boolean[] attack, int attacks, int benign) {
        List<Integer> highestFirst = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()).toList();
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(null, 0, 0));
        int truePositives = 0;
        int falsePositives = 0;
        for (int k = 0; k < highestFirst.size(); k++) {
            int i = highestFirst.get(k);
            truePositives += attack[i] ? 1 : 0;
            falsePositives += attack[i] ? 0 : 1;
            boolean lastOfItsScore = k + 1 == highestFirst.size() || scores[highestFirst.get(k + 1)] != scores[i];
            if (lastOfItsScore) {
                points.add(new RocPoint(scores[i], (double) falsePositives / benign, (double) truePositives / attacks));
            }
        }
        return points;
    }

    private static double auc(double[] scores, boolean[] attack, int attacks, int benign) {
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(scores);
        double attackRankSum = IntStream.range(0, ranks.length).filter(i -> attack[i]).mapToDouble(i -> ranks[i]).sum();
        double u = attackRankSum - attacks * (attacks + 1) / 2.0;
        return u / ((double) attacks * benign);
    }
}
