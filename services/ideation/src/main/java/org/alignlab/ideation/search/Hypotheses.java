package org.alignlab.ideation.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.alignlab.contracts.events.RoundRequested;
import org.alignlab.ideation.space.Dimension;
import org.alignlab.ideation.space.SearchSpace;

/**
 * The hypothesis each proposal states: what it changes, which way it expects the metric to move, and which
 * metric decides. Reviewers read it next to the result, so it names concrete values, not intentions.
 */
public final class Hypotheses {

    /** Keeps the hypothesis well under the schema's 4000 characters whatever the question's length. */
    private static final int MAX_QUESTION_CHARS = 2000;

    private static final Map<String, String> EXPECTED = Map.of(
            "weak-to-strong", "a strong student trained on a weak supervisor's labels beats the weak supervisor "
                    + "but stays below its ground-truth ceiling: weak-to-strong accuracy above weak accuracy, "
                    + "performance gap recovered (PGR) between 0 and 1.",
            "reward-overoptimization", "as best-of-n selection against the proxy reward model grows (larger KL), "
                    + "proxy reward keeps rising while gold reward peaks and then falls.",
            "linear-probe", "the latent concept becomes more linearly decodable in deeper layers, and probe "
                    + "accuracy exceeds the control task's (positive selectivity).");

    private Hypotheses() {
    }

    public static String baseline(RoundRequested round, Map<String, Object> params, List<Integer> seeds) {
        String expected = EXPECTED.getOrDefault(round.family(),
                "no direction is stated for this family; the run measures its default metrics.");
        return question(round) + "Tests: the baseline, the " + round.family() + " family's default configuration"
                + (params.isEmpty() ? "" : " with " + params) + ", on the validation split with seeds " + seeds
                + "; every other configuration of this goal is compared against it.\nExpected: " + expected;
    }

    public static String exploration(RoundRequested round, SearchSpace space, Map<String, Object> params,
            int index, int total, List<Integer> seeds) {
        return question(round) + "Changes from the baseline: " + changes(space, space.baseline(), params)
                + ".\nPredicted direction: none yet; point " + index + " of a " + total + "-point Latin hypercube "
                + "that maps how " + metric(space) + " responds across the searched ranges before a model "
                + "predicts.\nMetric: " + metric(space) + ", validation split, seeds " + seeds + ".";
    }

    /** A dose of a factor's sweep: the factor alone changes from the baseline. */
    public static String sweep(RoundRequested round, SearchSpace factor, boolean named, Map<String, Object> params,
            int index, int total, List<Integer> seeds) {
        return question(round) + design(factor, named) + "Changes from the baseline: "
                + changes(factor, factor.baseline(), params) + ".\nPredicted direction: none yet; dose " + index
                + " of " + total + ", evenly spaced over " + range(factor) + ".\nMetric: " + metric(factor)
                + ", validation split, seeds " + seeds + ".";
    }

    /** A dose the Gaussian process chose on a factor's sweep. */
    public static String sweepModel(RoundRequested round, SearchSpace factor, boolean named,
            Map<String, Object> params, GaussianProcess.Prediction prediction, List<Integer> seeds) {
        String metric = factor.objective().orElseThrow();
        return question(round) + design(factor, named) + "Changes from the baseline: "
                + changes(factor, factor.baseline(), params) + ".\nPredicted: " + metric + " "
                + format(prediction.mean()) + " ± " + format(prediction.sd()) + " (Gaussian-process posterior over "
                + "the sweep so far; this dose chosen by upper confidence bound, so it may also be chosen for what it "
                + "would teach).\nMetric: " + metric + " (" + (factor.minimize() ? "lower" : "higher")
                + " is better), validation split, seeds " + seeds + ".";
    }

    private static String design(SearchSpace factor, boolean named) {
        String name = factor.dimensions().get(0).name();
        return "Design: a dose–response sweep of " + name + " (" + (named ? "the factor the goal names"
                : "inferred from the question, which names it") + "), every other parameter at the baseline, so the "
                + "comparison with the baseline is about " + name + " alone.\n";
    }

    private static String range(SearchSpace factor) {
        Dimension dimension = factor.dimensions().get(0);
        return dimension.name() + "'s range [" + format(dimension.lo()) + ", " + format(dimension.hi()) + "]";
    }

    public static String model(RoundRequested round, SearchSpace space, Map<String, Object> params,
            Map<String, Object> incumbent, double incumbentValue,
            GaussianProcess.Prediction prediction, List<Integer> seeds) {
        String metric = space.objective().orElseThrow();
        boolean better = space.minimize()
                ? prediction.mean() < incumbentValue
                : prediction.mean() > incumbentValue;
        String direction = better == space.minimize() ? "falls" : "rises";
        return question(round) + "Changes from the best configuration so far (" + metric + " "
                + format(incumbentValue) + "): " + changes(space, incumbent, params) + ".\nPredicted direction: "
                + metric + " " + direction + " to " + format(prediction.mean()) + " ± " + format(prediction.sd())
                + " (Gaussian-process posterior mean ± sd; chosen by upper confidence bound, so it may also be "
                + "chosen for what it would teach).\nMetric: " + metric + " (" + (space.minimize() ? "lower" : "higher")
                + " is better), validation split, seeds " + seeds + ".";
    }

    public static String question(RoundRequested round) {
        String question = round.question().length() > MAX_QUESTION_CHARS
                ? round.question().substring(0, MAX_QUESTION_CHARS) + "…"
                : round.question();
        return "Question: " + question + "\n";
    }

    private static String metric(SearchSpace space) {
        return space.objective().orElse("the family's metrics");
    }

    public static String changes(SearchSpace space, Map<String, Object> from, Map<String, Object> to) {
        Map<String, String> changes = space.changes(from, to);
        return changes.isEmpty() ? "none"
                : changes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
