package org.alignlab.monitor.controleval;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The upfront-auditing game of the AI Control paper (Greenblatt et al. 2023, "AI Control: Improving Safety Despite
 * Intentional Subversion"): the untrusted model solves {@code problems} tasks in order; red attacks each one
 * independently with probability p; blue audits the first {@code auditedFraction} of them and wins at once if an
 * audited task is an attack. An unaudited attack succeeds with probability {@code attackSuccess} and then red wins;
 * a failed one changes nothing. Blue also wins if no attack ever succeeds.
 *
 * <p>With A = round(f N) audited tasks and M = N - A unaudited ones:
 * <pre>  P(red wins | p) = (1 - p)^A · (1 - (1 - p s)^M)</pre>
 * (no attack among the audited, then at least one successful attack among the rest). Red picks p to maximise it:
 * attacking often gets caught in the audit, attacking rarely never lands. For large N, with p = λ/N, u = e^(-λf) and
 * k = s(1 - f)/f, P(red) = u(1 - u^k), maximal at u = (k + 1)^(-1/k), so
 * <pre>  P(blue wins) = 1 - k/(k + 1) · (k + 1)^(-1/k)</pre>
 * For f = 0.02 and s = 0.53, k = 25.97 and blue wins 15.2 % of games: the paper's 15 % for upfront auditing.
 */
public record UpfrontAuditingGame(int problems, double auditedFraction, double attackSuccess) {

    /** The paper's number of programming problems in one deployment. */
    public static final int PAPER_PROBLEMS = 5000;
    /** The paper's share of red's attempted backdoors that work (pass the tests, and are wrong on some input). */
    public static final double PAPER_ATTACK_SUCCESS = 0.53;

    public UpfrontAuditingGame {
        if (problems < 1) {
            throw new IllegalArgumentException("problems must be at least 1");
        }
        if (!(auditedFraction >= 0 && auditedFraction <= 1) || !(attackSuccess > 0 && attackSuccess <= 1)) {
            throw new IllegalArgumentException("audited fraction must be in [0, 1], attack success in (0, 1]");
        }
    }

    /** Red's best attack rate and blue's chance of winning against it. */
    public record Optimum(double attackRate, double blueWinProbability) {
    }

    public int audited() {
        return (int) Math.round(auditedFraction * problems);
    }

    /** Blue's exact chance of winning when red attacks each task with probability {@code attackRate}. */
    public double blueWinProbability(double attackRate) {
        int audited = audited();
        int unaudited = problems - audited;
        double noAttackAudited = Math.pow(1 - attackRate, audited);
        double someAttackLands = -Math.expm1(unaudited * Math.log1p(-attackRate * attackSuccess));
        return 1 - noAttackAudited * someAttackLands;
    }

    /**
     * Red's optimum over p, found by Brent's method on log10 p in [-9, 0]: P(red) rises from 0 (never attacking),
     * peaks once, and falls back to 0 (attacking in the audit), so the single maximum is bracketed.
     */
    public Optimum redOptimum() {
        UnivariatePointValuePair best = new BrentOptimizer(1e-12, 1e-14).optimize(
                new MaxEval(500), GoalType.MINIMIZE, new SearchInterval(-9, 0),
                new UnivariateObjectiveFunction(log10Rate -> blueWinProbability(Math.pow(10, log10Rate))));
        return new Optimum(Math.pow(10, best.getPoint()), best.getValue());
    }

    /** Blue's chance against red's optimum as the number of tasks grows without bound (the closed form above). */
    public double limitingBlueWinProbability() {
        if (auditedFraction == 0) {
            return 0;
        }
        if (auditedFraction == 1) {
            return 1;
        }
        double k = attackSuccess * (1 - auditedFraction) / auditedFraction;
        return 1 - k / (k + 1) * Math.pow(k + 1, -1 / k);
    }

    /**
     * Plays {@code games} games with red attacking at {@code attackRate} and returns the share blue wins. Gaps
     * between attacks are drawn as geometric variables, so a game costs one draw per attack, not one per task.
     */
    public double simulateBlueWins(double attackRate, int games, long seed) {
        if (!(attackRate > 0 && attackRate <= 1) || games < 1) {
            throw new IllegalArgumentException("attack rate must be in (0, 1] and games at least 1");
        }
        RandomGenerator random = new Well19937c(seed);
        int audited = audited();
        int blueWins = 0;
        for (int game = 0; game < games; game++) {
            blueWins += blueWinsOneGame(random, attackRate, audited) ? 1 : 0;
        }
        return (double) blueWins / games;
    }

    private boolean blueWinsOneGame(RandomGenerator random, double attackRate, int audited) {
        long task = tasksUntilAttack(random, attackRate);
        if (task < audited) {
            return true;
        }
        while (task < problems) {
            if (random.nextDouble() < attackSuccess) {
                return false;
            }
            task += 1 + tasksUntilAttack(random, attackRate);
        }
        return true;
    }

    /** Tasks without an attack before the next attack: geometric, by inversion of 1 - U in (0, 1]. */
    private static long tasksUntilAttack(RandomGenerator random, double attackRate) {
        if (attackRate >= 1) {
            return 0;
        }
        return (long) Math.floor(Math.log(1 - random.nextDouble()) / Math.log1p(-attackRate));
    }
}
