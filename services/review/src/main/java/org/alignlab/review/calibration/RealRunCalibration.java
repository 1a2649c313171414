package org.alignlab.review.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.alignlab.contracts.events.ReviewVerdict;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyMetric;
import org.alignlab.review.claim.ClaimEvidence;
import org.alignlab.review.claim.ClaimJudgement;
import org.alignlab.review.claim.ClaimReviewer;
import org.alignlab.review.claim.ReviewSettings;
import org.alignlab.review.stats.Comparison;
import org.alignlab.review.stats.Samples;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The reviewer's calibration on real family runs: plants claims whose arms are seeds drawn from the per-seed values
 * of real runs ({@link SeedPools}), not from a Gaussian, and counts what the same {@link ClaimReviewer} the service
 * uses decides. Null claims pit the defaults against themselves; known-effect claims pit a configuration with a
 * measured effect against the defaults.
 *
 * <p>The pools are finite (tens of seeds per configuration and split) and every planted claim draws ten held-out
 * seeds of them, so planted claims share seeds and are not independent: a rate's Wilson interval treats them as
 * independent and is too narrow as a statement about the family, though exact about these pools.
 *
 * <p>Run: {@code mvn -B -ntp -o -pl services/review test-compile exec:java@calibrate-on-real-runs}
 * (optional arguments {@code -Dexec.args="--goals 1000 --null-draw separate --seed 20261208 --data FILE
 * --pool-resamples 50"}).
 */
public final class RealRunCalibration {

    private final ClaimReviewer reviewer;

    public RealRunCalibration(ReviewSettings settings) {
        this.reviewer = new ClaimReviewer(settings);
    }

    public RealRunReport run(SeedPools pools, RealRunPlan plan) {
        List<RealFamilyFacts> facts = new ArrayList<>();
        List<RealClaimTally> tallies = new ArrayList<>();
        for (String family : pools.families()) {
            FamilyMetric metric = judgedMetric(family, pools.metric(family));
            facts.add(facts(pools, plan, family, metric));
            tallies.addAll(plant(pools, plan, family, metric));
        }
        return new RealRunReport(plan, reviewer.settings(), pools.provenance(), facts, tallies);
    }

    private static FamilyMetric judgedMetric(String family, String metric) {
        FamilyMetric judged = FamilyCatalogue.standard().find(family).flatMap(FamilyDefinition::judgedMetric)
                .orElseThrow(() -> new IllegalArgumentException("family " + family + " judges no metric"));
        if (!judged.name().equals(metric) || judged.smallestEffect().isEmpty()) {
            throw new IllegalArgumentException("family " + family + " is judged on " + judged.name()
                    + " with a smallest effect of interest; the data hold " + metric);
        }
        return judged;
    }

    private static RealFamilyFacts facts(SeedPools pools, RealRunPlan plan, String family, FamilyMetric metric) {
        SeedPool baseline = baseline(pools, plan, family, Split.HELDOUT);
        int missing = 0;
        for (String configuration : pools.configurations(family)) {
            for (Split split : Split.values()) {
                missing += pools.pool(family, configuration, split).missing();
            }
        }
        return new RealFamilyFacts(family, metric.name(), metric.smallestEffect().getAsDouble(),
                Math.sqrt(Samples.variance(baseline.defined())), baseline.size(), missing);
    }

    private List<RealClaimTally> plant(SeedPools pools, RealRunPlan plan, String family, FamilyMetric metric) {
        ReviewSettings settings = reviewer.settings();
        // One generator per family, seeded by its name too, so a family's result does not depend on the others.
        RandomGenerator random = new Well19937c(plan.seed() ^ family.hashCode());
        SeedPool baselineValidation = baseline(pools, plan, family, Split.VALIDATION);
        SeedPool baselineHeldout = baseline(pools, plan, family, Split.HELDOUT);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (String configuration : pools.configurations(family)) {
            if (!configuration.equals(SeedPools.BASELINE)) {
                tallies.put(configuration, new Tally());
            }
        }
        for (int goal = 0; goal < plan.goals(); goal++) {
            int[] validation = baselineValidation.draw(random, settings.minValidationSeeds(), Set.of());
            int[] heldout = baselineHeldout.draw(random, settings.heldoutSeeds(), Set.of());
            Set<Integer> takenValidation = new HashSet<>(baselineValidation.seedsAt(validation));
            Set<Integer> takenHeldout = new HashSet<>(baselineHeldout.seedsAt(heldout));
            List<ClaimEvidence> batch = new ArrayList<>();
            for (String candidate : tallies.keySet()) {
                SeedPool candidateValidation = candidate(pools, plan, family, candidate, Split.VALIDATION);
                SeedPool candidateHeldout = candidate(pools, plan, family, candidate, Split.HELDOUT);
                batch.add(new ClaimEvidence(new UUID(random.nextLong(), random.nextLong()), metric.name(),
                        metric.higherIsBetter(), metric.smallestEffect().getAsDouble(),
                        candidateValidation.valuesAt(candidateValidation.draw(random, settings.minValidationSeeds(),
                                takenValidation)),
                        baselineValidation.valuesAt(validation),
                        candidateHeldout.valuesAt(candidateHeldout.draw(random, settings.heldoutSeeds(),
                                takenHeldout)),
                        baselineHeldout.valuesAt(heldout)));
            }
            List<ClaimJudgement> judgements = reviewer.review(batch, List.of());
            List<Tally> order = List.copyOf(tallies.values());
            for (int i = 0; i < judgements.size(); i++) {
                order.get(i).count(judgements.get(i));
            }
        }
        List<RealClaimTally> result = new ArrayList<>();
        tallies.forEach((candidate, tally) -> result.add(tally.done(family, candidate,
                measured(pools, plan, family, candidate, metric))));
        return result;
    }

    /** The baseline's whole pool: both runs of the defaults when nulls are pooled. */
    private static SeedPool baseline(SeedPools pools, RealRunPlan plan, String family, Split split) {
        SeedPool defaults = pools.pool(family, SeedPools.BASELINE, split);
        return plan.nullDraw() == RealRunPlan.NullDraw.POOLED
                ? defaults.plus(pools.pool(family, SeedPools.NULL_COPY, split)) : defaults;
    }

    /** A pooled null candidate draws from the baseline's own pool; the seeds the baseline took are excluded. */
    private static SeedPool candidate(SeedPools pools, RealRunPlan plan, String family, String candidate,
            Split split) {
        if (candidate.equals(SeedPools.NULL_COPY) && plan.nullDraw() == RealRunPlan.NullDraw.POOLED) {
            return baseline(pools, plan, family, split);
        }
        return pools.pool(family, candidate, split);
    }

    /**
     * The candidate's whole held-out pool against the baseline's, oriented so that a positive gain is better. For the
     * null copy it is the copy's pool against the defaults': zero but for chance, which separate null draws inherit.
     */
    private Comparison measured(SeedPools pools, RealRunPlan plan, String family, String candidate,
            FamilyMetric metric) {
        boolean pooledNull = candidate.equals(SeedPools.NULL_COPY);
        double[] c = oriented(pools.pool(family, candidate, Split.HELDOUT).defined(), metric);
        double[] b = oriented((pooledNull ? pools.pool(family, SeedPools.BASELINE, Split.HELDOUT)
                : baseline(pools, plan, family, Split.HELDOUT)).defined(), metric);
        ReviewSettings settings = reviewer.settings();
        return Comparison.of(c, b, settings.confidence(), settings.bootstrapResamples(), family.hashCode());
    }

    private static double[] oriented(double[] values, FamilyMetric metric) {
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] *= metric.sign();
        }
        return copy;
    }

    private static final class Tally {
        int claims;
        int accepted;
        int rejected;
        int equivalent;
        int harm;
        int inconclusive;
        int overfit;
        int belowSmallest;

        void count(ClaimJudgement judgement) {
            claims++;
            accepted += judgement.verdict() == ReviewVerdict.ACCEPTED ? 1 : 0;
            rejected += judgement.verdict() == ReviewVerdict.REJECTED ? 1 : 0;
            inconclusive += judgement.verdict() == ReviewVerdict.INCONCLUSIVE ? 1 : 0;
            equivalent += judgement.flags().contains(ClaimJudgement.EQUIVALENT) ? 1 : 0;
            harm += judgement.flags().contains(ClaimJudgement.SIGNIFICANT_HARM) ? 1 : 0;
            overfit += judgement.flags().contains(ClaimJudgement.OVERFIT_TO_PROXY) ? 1 : 0;
            belowSmallest += judgement.flags().contains(ClaimJudgement.BELOW_SMALLEST_EFFECT) ? 1 : 0;
        }

        RealClaimTally done(String family, String candidate, Comparison measured) {
            return new RealClaimTally(family, candidate, candidate.equals(SeedPools.NULL_COPY), measured, claims,
                    accepted, rejected, equivalent, harm, inconclusive, overfit, belowSmallest);
        }
    }

    /**
     * {@code --data FILE --goals N --null-draw pooled|separate --seed S --validation-seeds K --heldout-seeds H
     * --pool-resamples B --pool-goals G}; defaults are the committed data ({@link SeedPools#COMMITTED}, on the test
     * class path), {@link RealRunPlan#defaults()}, {@link ReviewSettings#DEFAULTS} and no bootstrap over the pools
     * (with B > 0, B replicates of G goals per family, G = 200 unless given; see {@link PoolBootstrap}).
     */
    public static void main(String[] args) {
        RealRunPlan plan = RealRunPlan.defaults();
        ReviewSettings settings = ReviewSettings.DEFAULTS;
        SeedPools pools = null;
        int poolResamples = 0;
        int poolGoals = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--data" -> pools = SeedPools.read(Path.of(value));
                case "--goals" -> plan = plan.withGoals(Integer.parseInt(value));
                case "--null-draw" -> plan = plan.withNullDraw(RealRunPlan.NullDraw.parse(value));
                case "--seed" -> plan = plan.withSeed(Long.parseLong(value));
                case "--validation-seeds" -> settings = settings.withSeeds(Integer.parseInt(value),
                        settings.heldoutSeeds());
                case "--heldout-seeds" -> settings = settings.withSeeds(settings.minValidationSeeds(),
                        Integer.parseInt(value));
                case "--pool-resamples" -> poolResamples = Integer.parseInt(value);
                case "--pool-goals" -> poolGoals = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --data, --goals, "
                        + "--null-draw, --seed, --validation-seeds, --heldout-seeds, --pool-resamples or "
                        + "--pool-goals");
            }
        }
        if (pools == null) {
            pools = SeedPools.resource(SeedPools.COMMITTED);
        }
        RealRunCalibration calibration = new RealRunCalibration(settings);
        System.out.printf("review settings: %s%n", settings);
        System.out.println(calibration.run(pools, plan).render());
        if (poolResamples > 0) {
            RealRunPlan bootstrapPlan = plan.withGoals(poolGoals);
            System.out.println(PoolBootstrap.render(new PoolBootstrap(calibration).run(pools, bootstrapPlan,
                    poolResamples), poolResamples, bootstrapPlan));
        }
    }
}
