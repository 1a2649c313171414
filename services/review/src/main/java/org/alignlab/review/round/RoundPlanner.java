package org.alignlab.review.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.alignlab.contracts.events.Agent;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.events.Split;
import org.alignlab.review.claim.ReviewSettings;
import org.jboss.logging.Logger;

/**
 * Turns a settled round into a {@link RoundPlan}. Every run of the round ends up either in a claim (as candidate
 * or baseline) or reviewed on its own, so that every action that ran is covered by some review.
 */
final class RoundPlanner {

    private static final Logger LOG = Logger.getLogger(RoundPlanner.class);

    /** The metric a family's claims are judged on, its direction, and the family's smallest effect of interest on it. */
    record Metric(String name, boolean higherIsBetter, OptionalDouble smallestEffect) {
    }

    private final ReviewSettings settings;
    private final Function<String, Optional<Metric>> metrics;
    private final ReplicationFactory replications;
    private final HeldoutSeeds heldoutSeeds;

    RoundPlanner(ReviewSettings settings, Function<String, Optional<Metric>> metrics, ReplicationFactory replications,
            HeldoutSeeds heldoutSeeds) {
        this.settings = settings;
        this.metrics = metrics;
        this.replications = replications;
        this.heldoutSeeds = heldoutSeeds;
    }

    /**
     * @param runs            the round's ideation and trusted runs, all settled
     * @param earlierBaseline the goal's baseline from an earlier round, used when this round has none (its
     *                        replications already exist)
     */
    RoundPlan plan(int round, List<ActionView> runs, Optional<ActionView> earlierBaseline, Instant now) {
        List<RoundPlan.Single> singles = new ArrayList<>();
        List<ActionView> comparable = new ArrayList<>();
        for (ActionView run : runs.stream().sorted(Comparator.comparing(ActionView::createdAt)
                .thenComparing(ActionView::id)).toList()) {
            if (run.result() == null) {
                continue; // blocked, or deferred to a replacement that stands in for it: nothing ran
            } else if (!run.succeeded()) {
                singles.add(new RoundPlan.Single(run, null));
            } else if (run.is(Agent.TRUSTED)) {
                singles.add(new RoundPlan.Single(run, "it is the monitor's trusted replacement of action "
                        + run.action().parentActionId() + ", not a configuration an agent proposed"));
            } else if (!run.onValidation()) {
                singles.add(new RoundPlan.Single(run, "it did not run on the validation split"));
            } else if (metrics.apply(run.action().spec().family()).isEmpty()) {
                singles.add(new RoundPlan.Single(run, "no metric is configured to judge family '"
                        + run.action().spec().family() + "' on"));
            } else {
                comparable.add(run);
            }
        }
        Optional<ActionView> inRound = BaselineFinder.find(comparable);
        Optional<ActionView> baseline = inRound.or(() -> earlierBaseline.filter(b -> comparable.stream()
                .anyMatch(run -> sameFamily(run, b))));
        if (baseline.isEmpty()) {
            comparable.forEach(run -> singles.add(new RoundPlan.Single(run,
                    "the round has no baseline run to compare it with")));
            return new RoundPlan(null, List.of(), List.of(), singles);
        }
        ActionView base = baseline.get();
        Metric metric = metrics.apply(base.action().spec().family()).orElseThrow();
        List<ActionView> candidates = new ArrayList<>();
        for (ActionView run : comparable) {
            if (run.id().equals(base.id())) {
                continue;
            }
            if (sameFamily(run, base)) {
                candidates.add(run);
            } else {
                singles.add(new RoundPlan.Single(run, "its family differs from the baseline's ("
                        + base.action().spec().family() + ")"));
            }
        }
        if (candidates.isEmpty()) {
            if (inRound.isPresent()) {
                singles.add(new RoundPlan.Single(base, "it is the round's baseline and no candidate ran to compare "
                        + "with it"));
            }
            return new RoundPlan(null, List.of(), List.of(), singles);
        }
        List<AgentAction> proposed = new ArrayList<>();
        List<ActionView> configurations = new ArrayList<>(candidates);
        if (inRound.isPresent()) {
            configurations.add(0, base);
        }
        List<List<Double>> validationValues = new ArrayList<>(
                configurations.stream().map(configuration -> configuration.values(metric.name())).toList());
        if (inRound.isEmpty()) {
            validationValues.add(base.values(metric.name()));
        }
        HeldoutSeeds.Choice heldout = heldoutSeeds.choose(validationValues, metric.smallestEffect());
        LOG.infof("goal %s round %d: replicating on %d held-out seeds per configuration: %s",
                base.action().goalId(), round, heldout.seeds(), heldout.why());
        for (ActionView configuration : configurations) {
            int missing = settings.minValidationSeeds() - configuration.values(metric.name()).size();
            if (missing > 0) {
                proposed.add(replications.replicate(configuration.action(), round, Split.VALIDATION, missing, now));
            }
            proposed.add(replications.replicate(configuration.action(), round, Split.HELDOUT, heldout.seeds(),
                    now));
        }
        List<RoundPlan.PlannedClaim> claims = candidates.stream()
                .map(c -> new RoundPlan.PlannedClaim(c.id(), base.id(), metric.name(), metric.higherIsBetter()))
                .toList();
        return new RoundPlan(base.id(), claims, proposed, singles);
    }

    private static boolean sameFamily(ActionView a, ActionView b) {
        return a.action().spec().family().equals(b.action().spec().family());
    }
}
