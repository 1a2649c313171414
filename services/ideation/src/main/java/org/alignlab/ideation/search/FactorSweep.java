package org.alignlab.ideation.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpace;

/**
 * The design of a goal that asks about named factors: for each factor a dose–response sweep over its range with
 * every other parameter at the baseline, so that each run differs from the baseline in that factor alone and each
 * claim is about it. Several factors are swept one at a time, never changed together. The search keeps its role of
 * choosing where on a sweep to look: evenly spaced doses first, then a Gaussian process fitted to the sweep's own
 * results picks by upper confidence bound.
 */
final class FactorSweep {

    /** A factor of the design, and whether the goal named it or ideation inferred it from the question. */
    record Factor(String name, SearchSpace space, boolean named) {
    }

    private final double exploration;
    private final int candidates;

    FactorSweep(double exploration, int candidates) {
        this.exploration = exploration;
        this.candidates = candidates;
    }

    /**
     * @param doses the runs per factor this round: the first round's sweep, or a later round's follow-up
     * @param taken configuration keys already tested or proposed; the proposals' keys are added
     */
    List<SearchPolicy.Pick> propose(RoundRequested round, List<Factor> factors, List<Trial> trials, int doses,
            Set<String> taken, List<Integer> seeds) {
        List<SearchPolicy.Pick> picks = new ArrayList<>();
        for (Factor factor : factors) {
            List<Trial> sweep = onTheSweep(factor, trials);
            if (sweep.size() < SearchPolicy.MIN_OBSERVATIONS || factor.space().objective().isEmpty()) {
                picks.addAll(evenlySpaced(round, factor, doses, taken, seeds));
            } else {
                picks.addAll(modelled(round, factor, sweep, doses, taken, seeds));
            }
        }
        return picks;
    }

    /** The trials that differ from the baseline in this factor alone (the baseline included), with a result. */
    private static List<Trial> onTheSweep(Factor factor, List<Trial> trials) {
        SearchSpace space = factor.space();
        return trials.stream()
                .filter(t -> Set.of(factor.name()).containsAll(space.changes(space.baseline(), t.params()).keySet()))
                .filter(t -> space.objective().flatMap(t::value).isPresent())
                .toList();
    }

    /**
     * Doses at the midpoints of equal strata of the range; each later call halves the strata, so a round that
     * cannot model yet still adds new doses between the old ones.
     */
    private List<SearchPolicy.Pick> evenlySpaced(RoundRequested round, Factor factor, int doses, Set<String> taken,
            List<Integer> seeds) {
        List<SearchPolicy.Pick> picks = new ArrayList<>();
        for (int strata = doses; picks.size() < doses && strata <= doses * 64; strata *= 2) {
            for (int i = 0; i < strata && picks.size() < doses; i++) {
                Map<String, Object> params = factor.space().params(new double[] {(i + 0.5) / strata});
                if (taken.add(factor.space().configKey(params))) {
                    picks.add(new SearchPolicy.Pick(SearchPolicy.SWEEP, params, Hypotheses.sweep(round,
                            factor.space(), factor.named(), params, picks.size() + 1, doses, seeds)));
                }
            }
        }
        return picks;
    }

    private List<SearchPolicy.Pick> modelled(RoundRequested round, Factor factor, List<Trial> sweep, int doses,
            Set<String> taken, List<Integer> seeds) {
        SearchSpace space = factor.space();
        double sign = space.minimize() ? -1 : 1;
        Observations observations = Observations.of(space, sweep);
        List<SearchPolicy.Pick> picks = new ArrayList<>();
        for (UcbSearch.Pick pick : new UcbSearch(exploration, candidates).next(observations.x(), observations.y(),
                doses, SearchPolicy.seed(round), point -> space.configKey(space.params(point)), taken)) {
            Map<String, Object> params = space.params(pick.point());
            taken.add(space.configKey(params));
            GaussianProcess.Prediction prediction = new GaussianProcess.Prediction(sign * pick.prediction().mean(),
                    pick.prediction().sd());
            picks.add(new SearchPolicy.Pick(SearchPolicy.SWEEP_MODEL, params, Hypotheses.sweepModel(round, space,
                    factor.named(), params, prediction, seeds)));
        }
        return picks;
    }
}
