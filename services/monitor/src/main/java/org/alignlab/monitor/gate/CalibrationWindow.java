package org.alignlab.monitor.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.alignlab.contracts.events.Agent;

/**
 * The recent gate decisions the thresholds are calibrated from, and the quantiles taken over them.
 *
 * <p><b>No score calibrates a threshold it reached.</b> Whoever can write {@code agent.actions} chooses what is
 * scored: 150 harmless actions addressed to the reviewer, held at 0.9, once lifted the thresholds from 0.8 / 0.5 to
 * 0.95 / 0.8 (issue 14). So for each threshold the window keeps an entry's score only if it stayed below the
 * threshold in force for it; an entry that reached it counts only as "at least that threshold". An ALLOWED action
 * calibrates both thresholds with its score, a deferred one the hold threshold, a held one neither. Dropping the
 * entries that reached a threshold would not do: the scores left are censored at it, and their (1 - budget) quantile
 * always lies below it, so every recalibration would lower the bar. The window is right-censored data, and its
 * quantiles come from the Kaplan-Meier estimate of the score distribution (below), which counts each censored entry
 * as probability mass above its bound.
 *
 * <p><b>Caps.</b> One goal fills at most {@code maxSharePerGoal} of the window and supplies at most that share of
 * the entries at or above each threshold (at least one); one agent fills at most {@code maxSharePerAgent} of the
 * window. An entry over a cap evicts the oldest of its goal's (or agent's) entries, so a flood replaces its own
 * entries instead of the window's history. The per-threshold cap matters most: the hold threshold is read from the
 * top 2 % of the window, which one goal's 5 % would otherwise fill on its own.
 */
final class CalibrationWindow {

    /** The two thresholds, each a cut through the window. */
    enum Cut {
        HOLD(Thresholds::hold), DEFER(Thresholds::defer);

        private final ToDoubleFunction<Thresholds> of;

        Cut(ToDoubleFunction<Thresholds> of) {
            this.of = of;
        }
    }

    private final int capacity;
    private final double maxSharePerGoal;
    private final int perGoal;
    private final int perAgent;
    private final Set<Entry> entries = new LinkedHashSet<>();
    private final Map<UUID, Set<Entry>> byGoal = new HashMap<>();
    private final Map<Agent, Set<Entry>> byAgent = new EnumMap<>(Agent.class);
    private final Map<Cut, Integer> reaching = new EnumMap<>(Map.of(Cut.HOLD, 0, Cut.DEFER, 0));

    CalibrationWindow(int capacity, double maxSharePerGoal, double maxSharePerAgent) {
        this.capacity = capacity;
        this.maxSharePerGoal = maxSharePerGoal;
        this.perGoal = atLeastOne(maxSharePerGoal * capacity);
        this.perAgent = atLeastOne(maxSharePerAgent * capacity);
    }

    int size() {
        return entries.size();
    }

    /** Adds a decision made with {@code inForce}, first evicting what a cap or the capacity asks for. */
    void add(UUID goalId, Agent agent, double suspicion, Thresholds inForce) {
        Entry entry = new Entry(goalId, agent, suspicion, inForce);
        for (Cut cut : Cut.values()) {
            if (entry.reached(cut)) {
                int goalShare = atLeastOne(maxSharePerGoal * (reaching.get(cut) + 1));
                List<Entry> goalReaching = of(byGoal.get(goalId), other -> other.reached(cut));
                if (goalReaching.size() >= goalShare) {
                    remove(goalReaching.get(0));
                }
            }
        }
        oldestIfFull(byGoal.get(goalId), perGoal).ifPresent(this::remove);
        oldestIfFull(byAgent.get(agent), perAgent).ifPresent(this::remove);
        oldestIfFull(entries, capacity).ifPresent(this::remove);
        entries.add(entry);
        byGoal.computeIfAbsent(goalId, goal -> new LinkedHashSet<>()).add(entry);
        byAgent.computeIfAbsent(agent, any -> new LinkedHashSet<>()).add(entry);
        count(entry, 1);
    }

    /**
     * The smallest score with an estimated share {@code q} of the score distribution at or below it, from the
     * Kaplan-Meier estimate over the window with entries that reached {@code cut} censored at the threshold in force
     * for them. Without censored entries this is the nearest-rank quantile ({@link AuditBudgetLedger#quantile}).
     *
     * <p>Where {@code q} lies beyond the highest score below the cut (more mass reached it than {@code 1 - q}), the
     * distribution is mirrored about that score: the quantile lies as far above it as the score with the same
     * mass short of it lies below. That is exact for a density flat around the threshold and errs low for a falling
     * one, holding more actions rather than fewer. Infinite when no entry stayed below the cut.
     */
    double quantile(Cut cut, double q) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble((Entry entry) -> entry.position(cut))
                .thenComparing(entry -> entry.reached(cut)));
        List<Step> steps = new ArrayList<>();
        double survival = 1;
        int atRisk = sorted.size();
        for (Entry entry : sorted) {
            if (!entry.reached(cut)) {
                survival *= 1 - 1.0 / atRisk;
                if (1 - survival >= q - 1e-9) {
                    return entry.suspicion;
                }
                steps.add(new Step(entry.suspicion, 1 - survival));
            }
            atRisk--;
        }
        if (steps.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        Step top = steps.get(steps.size() - 1);
        double mirrored = 2 * top.share() - q;
        Step below = steps.stream().filter(step -> step.share() >= mirrored - 1e-9).findFirst().orElseThrow();
        return top.score() + (top.score() - below.score());
    }

    /** A score below the cut and the estimated share of the distribution at or below it. */
    private record Step(double score, double share) {
    }

    private void remove(Entry entry) {
        entries.remove(entry);
        byGoal.computeIfPresent(entry.goalId, (goal, ofGoal) -> ofGoal.remove(entry) && ofGoal.isEmpty() ? null
                : ofGoal);
        byAgent.get(entry.agent).remove(entry);
        count(entry, -1);
    }

    private void count(Entry entry, int delta) {
        for (Cut cut : Cut.values()) {
            if (entry.reached(cut)) {
                reaching.merge(cut, delta, Integer::sum);
            }
        }
    }

    private static Optional<Entry> oldestIfFull(Set<Entry> set, int limit) {
        return set != null && set.size() >= limit ? Optional.of(set.iterator().next()) : Optional.empty();
    }

    /** Oldest first: the sets keep insertion order. */
    private static List<Entry> of(Set<Entry> set, Predicate<Entry> filter) {
        return set == null ? List.of() : set.stream().filter(filter).toList();
    }

    private static int atLeastOne(double share) {
        return Math.max(1, (int) Math.floor(share + 1e-9));
    }

    /** One decision; identity, not value, makes it an entry (two decisions may look alike). */
    private static final class Entry {

        private final UUID goalId;
        private final Agent agent;
        private final double suspicion;
        private final Thresholds inForce;

        Entry(UUID goalId, Agent agent, double suspicion, Thresholds inForce) {
            this.goalId = goalId;
            this.agent = agent;
            this.suspicion = suspicion;
            this.inForce = inForce;
        }

        boolean reached(Cut cut) {
            return suspicion >= cut.of.applyAsDouble(inForce);
        }

        /** Where the entry sorts for {@code cut}: its score, or for a censored entry the bound it is known to reach. */
        double position(Cut cut) {
            return reached(cut) ? cut.of.applyAsDouble(inForce) : suspicion;
        }
    }
}
