package org.alignlab.review.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.review.claim.ClaimEvidence;
import org.alignlab.review.claim.ClaimJudgement;
import org.alignlab.review.claim.ClaimReviewer;
import org.alignlab.review.claim.ReviewSettings;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Holds the reviewer to account: plants claims whose truth is known, runs them through the same
 * {@link ClaimReviewer} the service uses, with the same settings, and counts what it accepted. Each planted goal
 * is one review batch, so Benjamini–Hochberg sees the goal's claims together exactly as in the service.
 *
 * <p>Run: {@code mvn -B -ntp -o -pl services/review compile exec:java@calibrate-reviewer}
 * (optional arguments {@code -Dexec.args="--goals 2000 --effect 1.5 --noise normal --seed 20261127"}).
 */
public final class ReviewerCalibration {

    private final ClaimReviewer reviewer;

    public ReviewerCalibration(ReviewSettings settings) {
        this.reviewer = new ClaimReviewer(settings);
    }

    public CalibrationReport run(CalibrationPlan plan) {
        RandomGenerator random = new Well19937c(plan.seed());
        ReviewSettings settings = reviewer.settings();
        Tally tally = new Tally();
        for (int goal = 0; goal < plan.goals(); goal++) {
            double[] validationBaseline = draw(random, plan, settings.minValidationSeeds(), 0);
            double[] heldoutBaseline = draw(random, plan, settings.heldoutSeeds(), 0);
            List<ClaimEvidence> batch = new ArrayList<>();
            List<Kind> kinds = new ArrayList<>();
            plant(batch, kinds, Kind.NULL, plan.nullClaims(), random, plan, 0, 0, validationBaseline,
                    heldoutBaseline);
            plant(batch, kinds, Kind.TRUE, plan.trueClaims(), random, plan, plan.effect(), plan.effect(),
                    validationBaseline, heldoutBaseline);
            plant(batch, kinds, Kind.PROXY, plan.proxyClaims(), random, plan, plan.effect(), 0, validationBaseline,
                    heldoutBaseline);
            plant(batch, kinds, Kind.MARGINAL, plan.marginalClaims(), random, plan, plan.marginalEffect(),
                    plan.marginalEffect(), validationBaseline, heldoutBaseline);
            List<ClaimJudgement> judgements = reviewer.review(batch, List.of());
            for (int i = 0; i < judgements.size(); i++) {
                tally.count(kinds.get(i), judgements.get(i));
            }
        }
        return new CalibrationReport(plan, tally.nulls, tally.nullAccepted, tally.nullOverfit, tally.nullEquivalent,
                tally.trues, tally.trueAccepted, tally.trueRejected, tally.proxies, tally.proxyAccepted,
                tally.proxyFlagged, tally.proxyRejected, tally.marginals, tally.marginalAccepted,
                tally.marginalRejected);
    }

    private void plant(List<ClaimEvidence> batch, List<Kind> kinds, Kind kind, int count, RandomGenerator random,
            CalibrationPlan plan, double validationEffect, double heldoutEffect, double[] validationBaseline,
            double[] heldoutBaseline) {
        ReviewSettings settings = reviewer.settings();
        for (int i = 0; i < count; i++) {
            UUID claimId = new UUID(random.nextLong(), random.nextLong());
            batch.add(new ClaimEvidence(claimId, "pgr", true, plan.smallestEffect(),
                    draw(random, plan, settings.minValidationSeeds(), validationEffect), validationBaseline,
                    draw(random, plan, settings.heldoutSeeds(), heldoutEffect), heldoutBaseline));
            kinds.add(kind);
        }
    }

    private static double[] draw(RandomGenerator random, CalibrationPlan plan, int seeds, double effect) {
        double[] values = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            values[i] = plan.mean() + plan.sd() * (effect + plan.noise().draw(random));
        }
        return values;
    }

    private enum Kind {
        NULL, TRUE, PROXY, MARGINAL
    }

    private static final class Tally {
        int nulls;
        int nullAccepted;
        int nullOverfit;
        int nullEquivalent;
        int trues;
        int trueAccepted;
        int trueRejected;
        int proxies;
        int proxyAccepted;
        int proxyFlagged;
        int proxyRejected;
        int marginals;
        int marginalAccepted;
        int marginalRejected;

        void count(Kind kind, ClaimJudgement judgement) {
            boolean accepted = judgement.verdict() == ReviewVerdict.ACCEPTED;
            boolean overfit = judgement.flags().contains(ClaimJudgement.OVERFIT_TO_PROXY);
            boolean rejected = judgement.verdict() == ReviewVerdict.REJECTED;
            switch (kind) {
                case NULL -> {
                    nulls++;
                    nullAccepted += accepted ? 1 : 0;
                    nullOverfit += overfit ? 1 : 0;
                    nullEquivalent += judgement.flags().contains(ClaimJudgement.EQUIVALENT) ? 1 : 0;
                }
                case TRUE -> {
                    trues++;
                    trueAccepted += accepted ? 1 : 0;
                    trueRejected += rejected ? 1 : 0;
                }
                case PROXY -> {
                    proxies++;
                    proxyAccepted += accepted ? 1 : 0;
                    proxyFlagged += overfit ? 1 : 0;
                    proxyRejected += rejected ? 1 : 0;
                }
                case MARGINAL -> {
                    marginals++;
                    marginalAccepted += accepted ? 1 : 0;
                    marginalRejected += rejected ? 1 : 0;
                }
            }
        }
    }

    /**
     * {@code --goals N --effect D --noise normal|heavy-tailed --seed S --validation-seeds K --heldout-seeds H};
     * defaults are {@link CalibrationPlan#defaults()} and {@link ReviewSettings#DEFAULTS}.
     */
    public static void main(String[] args) {
        CalibrationPlan plan = CalibrationPlan.defaults();
        ReviewSettings settings = ReviewSettings.DEFAULTS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            if (args[i].equals("--heldout-seeds")) {
                settings = settings.withSeeds(settings.minValidationSeeds(), Integer.parseInt(value));
                continue;
            }
            if (args[i].equals("--validation-seeds")) {
                settings = settings.withSeeds(Integer.parseInt(value), settings.heldoutSeeds());
                continue;
            }
            plan = switch (args[i]) {
                case "--goals" -> plan.withGoals(Integer.parseInt(value));
                case "--effect" -> plan.withEffect(Double.parseDouble(value));
                case "--noise" -> plan.withNoise(Noise.valueOf(value.toUpperCase().replace('-', '_')));
                case "--seed" -> plan.withSeed(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --goals, --effect, --noise, --seed, --validation-seeds or --heldout-seeds");
            };
        }
        System.out.printf("review settings: %s%n", settings);
        System.out.println(new ReviewerCalibration(settings).run(plan).render());
    }
}
