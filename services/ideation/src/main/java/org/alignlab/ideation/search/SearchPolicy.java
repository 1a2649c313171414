package org.alignlab.ideation.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alignlab.contracts.events.ActionType;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.contracts.events.Split;
import org.alignlab.ideation.config.IdeationConfig;
import org.alignlab.ideation.policy.GoalHistory;
import org.alignlab.ideation.policy.IdeaPolicy;
import org.alignlab.ideation.policy.Proposal;
import org.alignlab.ideation.policy.Trial;
import org.alignlab.ideation.space.SearchSpace;
import org.alignlab.ideation.space.SearchSpaces;
import org.jboss.logging.Logger;

/**
 * Searches a family's parameter space. The baseline comes first (everything is compared against it). A goal that
 * asks about factors (named by the researcher, or named in its question: {@link FactorSweep}) gets a dose–response
 * sweep of each factor with every other parameter at the baseline, so that its claims answer the question. A goal
 * that names no factor is explored: until enough results are in, a Latin hypercube covers the searched ranges; after
 * that a Gaussian process fitted to the goal's validation results picks by upper confidence bound. Never a
 * configuration the goal already tested, and always the validation split, because ideation must never see held-out
 * data.
 */
public final class SearchPolicy implements IdeaPolicy {

    public static final String BASELINE = "search/baseline";
    public static final String SPACE_FILLING = "search/latin-hypercube";
    public static final String MODEL = "search/gp-ucb";
    public static final String SWEEP = "search/factor-sweep";
    public static final String SWEEP_MODEL = "search/factor-sweep-gp-ucb";

    /** A configuration the search chose, with the policy that chose it and the hypothesis it states. */
    record Pick(String policy, Map<String, Object> params, String hypothesis) {
    }

    /** A script experiment is agent-written code; the search has no code to propose. */
    static final String SCRIPT_FAMILY = "script";

    /** With fewer results a Gaussian process only echoes its prior, so the design keeps exploring. */
    static final int MIN_OBSERVATIONS = 3;

    private static final Logger LOG = Logger.getLogger(SearchPolicy.class);

    private final SearchSpaces spaces;
    private final IdeationConfig config;

    public SearchPolicy(SearchSpaces spaces, IdeationConfig config) {
        this.spaces = spaces;
        this.config = config;
    }

    @Override
    public List<Proposal> propose(RoundRequested round, GoalHistory history) {
        if (SCRIPT_FAMILY.equals(round.family())) {
            LOG.infof("goal %s round %d: family 'script' has no searchable configuration; proposing none",
                    round.goalId(), round.round());
            return List.of();
        }
        Set<String> taken = new HashSet<>(history.testedKeys());
        List<Proposal> proposals = new ArrayList<>();
        Optional<SearchSpace> space = spaces.of(round.family());
        Map<String, Object> baseline = spaces.baseline(round.family());
        if (taken.add(spaces.configKey(round.family(), baseline))) {
            proposals.add(proposal(BASELINE, round,
                    Hypotheses.baseline(round, baseline, spaces.seeds(round.family())), baseline));
        }
        List<FactorSweep.Factor> factors = factors(round);
        if (!factors.isEmpty()) {
            int doses = history.trials().isEmpty() ? config.search().initialPoints() : config.search().perRound();
            new FactorSweep(config.search().exploration(), config.search().candidates())
                    .propose(round, factors, history.trials(), doses, taken, spaces.seeds(round.family()))
                    .forEach(pick -> proposals.add(proposal(pick.policy(), round, pick.hypothesis(),
                            pick.params())));
            return proposals;
        }
        if (space.isEmpty() || space.get().dimensions().isEmpty()) {
            return proposals;
        }
        List<Trial> observed = space.get().objective()
                .map(metric -> history.trials().stream().filter(t -> t.value(metric).isPresent()).toList())
                .orElse(List.of());
        if (observed.size() >= MIN_OBSERVATIONS) {
            proposals.addAll(modelled(round, space.get(), observed, taken));
        } else {
            int count = history.trials().isEmpty() ? config.search().initialPoints() : config.search().perRound();
            proposals.addAll(spaceFilling(round, space.get(), count, taken));
        }
        return proposals;
    }

    private List<FactorSweep.Factor> factors(RoundRequested round) {
        GoalFactors factors = GoalFactors.of(round);
        return factors.names().stream()
                .map(name -> new FactorSweep.Factor(name, spaces.factor(round.family(), name), factors.named()))
                .toList();
    }

    private List<Proposal> spaceFilling(RoundRequested round, SearchSpace space, int count, Set<String> taken) {
        double[][] design = LatinHypercube.sample(count, space.dimensions().size(), seed(round));
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < design.length; i++) {
            Map<String, Object> params = space.params(design[i]);
            if (taken.add(space.configKey(params))) {
                proposals.add(proposal(SPACE_FILLING, round, Hypotheses.exploration(round, space, params, i + 1,
                        design.length, spaces.seeds(round.family())), params));
            }
        }
        return proposals;
    }

    private List<Proposal> modelled(RoundRequested round, SearchSpace space, List<Trial> observed,
            Set<String> taken) {
        String metric = space.objective().orElseThrow();
        double sign = space.minimize() ? -1 : 1;
        Observations observations = Observations.of(space, observed);
        double[][] x = observations.x();
        double[] y = observations.y();
        Trial incumbent = observed.get(UcbSearch.argmax(y));
        double incumbentValue = incumbent.value(metric).orElseThrow();
        UcbSearch search = new UcbSearch(config.search().exploration(), config.search().candidates());
        List<Proposal> proposals = new ArrayList<>();
        for (UcbSearch.Pick pick : search.next(x, y, config.search().perRound(), seed(round),
                point -> space.configKey(space.params(point)), taken)) {
            Map<String, Object> params = space.params(pick.point());
            taken.add(space.configKey(params));
            GaussianProcess.Prediction prediction = new GaussianProcess.Prediction(sign * pick.prediction().mean(),
                    pick.prediction().sd());
            proposals.add(proposal(MODEL, round, Hypotheses.model(round, space, params, incumbent.params(),
                    incumbentValue, prediction, spaces.seeds(round.family())), params));
        }
        return proposals;
    }

    /** The experiment every proposal of a family runs with {@code params}: its seeds, resources, validation only. */
    public ExperimentSpec spec(String family, Map<String, Object> params) {
        IdeationConfig.Resources resources = config.resources();
        return new ExperimentSpec(family, params, spaces.seeds(family), Split.VALIDATION,
                new ResourceRequest(resources.cpuSeconds(), resources.memoryMb(), resources.wallSeconds()), null);
    }

    private Proposal proposal(String policy, RoundRequested round, String hypothesis, Map<String, Object> params) {
        return new Proposal(policy, ActionType.RUN_EXPERIMENT, hypothesis, spec(round.family(), params));
    }

    /** Deterministic per goal and round, so a goal's design can be replayed and tests can pin it. */
    static long seed(RoundRequested round) {
        return round.goalId().getMostSignificantBits() ^ round.goalId().getLeastSignificantBits()
                ^ (0x9E3779B97F4A7C15L * round.round());
    }
}
