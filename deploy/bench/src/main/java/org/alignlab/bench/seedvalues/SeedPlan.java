package org.alignlab.bench.seedvalues;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alignlab.contracts.events.ReplicationDerivation;
import org.alignlab.contracts.events.Split;

/**
 * The configurations whose per-seed values the reviewer's calibration on real runs draws its claims from
 * (docs/review-calibration.md), each run on {@code n} validation seeds and {@code n} held-out seeds.
 *
 * <p>Held-out seeds start at {@link ReplicationDerivation#FIRST_FRESH_SEED}, as review's replications do: a family
 * draws a seed's training data, its model and both evaluation splits from one stream, so seed s on held-out would
 * evaluate the very model seed s was judged by on validation. Every configuration runs on the same seed numbers except
 * the null copy, which takes the next {@code n} of each split: the families are deterministic per seed, so a copy on
 * the same seeds would only repeat the baseline's values, while fresh seeds double the draws behind every null claim.
 */
public final class SeedPlan {

    /** The name of a family's configuration at its defaults: the baseline of its claims. */
    public static final String DEFAULTS = "defaults";
    /** The defaults again under a second name: a claim against {@link #DEFAULTS} can only show seed noise. */
    public static final String NULL_COPY = "defaults-copy";

    /**
     * One configuration to run.
     *
     * @param offset how far its seeds start past the first seed of each split
     */
    public record Configuration(String family, String name, Map<String, Object> params, int offset) {

        public Configuration {
            params = Map.copyOf(params);
        }

        /** The seeds it runs on {@code split}, {@code n} of them. */
        public List<Integer> seeds(Split split, int n) {
            int first = (split == Split.HELDOUT ? ReplicationDerivation.FIRST_FRESH_SEED : 0) + offset + 1;
            return IntStream.range(first, first + n).boxed().toList();
        }
    }

    private SeedPlan() {
    }

    /**
     * The fixed plan: per family its defaults and their null copy, and the configurations with an effect measured on
     * the judged metric (docs/review-calibration.md gives the effects the committed data show). More gold labels for
     * the proxy raise gold_peak, a lot at 512 instead of 64 and less at 80 and 72, the nearest to the smallest effect
     * of interest we could get at the seeds we can afford; the auxiliary confidence loss (α = 0.5) moves PGR by much
     * less than its smallest effect of interest; a strong model without the pretrained view (no latent knowledge)
     * loses most of PGR; a task label that ignores the concept makes hidden1 unselective. A first look at held-out
     * seeds 1–8 found no parameter that raises weak-to-strong's or linear-probe's judged metric by its smallest effect
     * of interest (tried: auxLossAlpha 0.2 and 0.5, nonlinearity 1.0; conceptWeight 0.5 and 2.0, labelNoise 0.1).
     */
    public static List<Configuration> standard(int n) {
        return List.of(
                new Configuration("reward-overoptimization", DEFAULTS, Map.of(), 0),
                new Configuration("reward-overoptimization", NULL_COPY, Map.of(), n),
                new Configuration("reward-overoptimization", "proxySamples-512", Map.of("proxySamples", 512), 0),
                new Configuration("reward-overoptimization", "proxySamples-80", Map.of("proxySamples", 80), 0),
                new Configuration("reward-overoptimization", "proxySamples-72", Map.of("proxySamples", 72), 0),
                new Configuration("weak-to-strong", DEFAULTS, Map.of(), 0),
                new Configuration("weak-to-strong", NULL_COPY, Map.of(), n),
                new Configuration("weak-to-strong", "auxLossAlpha-0.5", Map.of("auxLossAlpha", 0.5), 0),
                new Configuration("weak-to-strong", "pretrainedDims-0", Map.of("pretrainedDims", 0), 0),
                new Configuration("linear-probe", DEFAULTS, Map.of(), 0),
                new Configuration("linear-probe", NULL_COPY, Map.of(), n),
                new Configuration("linear-probe", "conceptWeight-0", Map.of("conceptWeight", 0.0), 0));
    }
}
