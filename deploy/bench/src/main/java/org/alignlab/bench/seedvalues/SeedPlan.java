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
     * The fixed plan. Known effects, measured on held-out seeds 1–8 before it was fixed (means; per-seed sd 0.13–0.18
     * gold, 0.14 PGR, 0.07 selectivity): a proxy fitted to 512 gold labels instead of 64 lifts gold_peak from 1.06 to
     * 2.07, to 80 labels about +0.05 (the smallest effect of interest); the auxiliary confidence loss at α = 0.5 lifts
     * PGR by only about 0.02; a strong model without the pretrained view (latent knowledge) drops PGR from 0.46 to
     * 0.01; a task label that ignores the concept drops hidden1's selectivity from 0.10 to −0.07. No parameter was
     * found that raises weak-to-strong's or linear-probe's judged metric by more than its smallest effect of interest
     * (searched: auxLossAlpha 0.2 and 0.5, nonlinearity 1.0; conceptWeight 0.5 and 2.0).
     */
    public static List<Configuration> standard(int n) {
        return List.of(
                new Configuration("reward-overoptimization", DEFAULTS, Map.of(), 0),
                new Configuration("reward-overoptimization", NULL_COPY, Map.of(), n),
                new Configuration("reward-overoptimization", "proxySamples-512", Map.of("proxySamples", 512), 0),
                new Configuration("reward-overoptimization", "proxySamples-80", Map.of("proxySamples", 80), 0),
                new Configuration("weak-to-strong", DEFAULTS, Map.of(), 0),
                new Configuration("weak-to-strong", NULL_COPY, Map.of(), n),
                new Configuration("weak-to-strong", "auxLossAlpha-0.5", Map.of("auxLossAlpha", 0.5), 0),
                new Configuration("weak-to-strong", "pretrainedDims-0", Map.of("pretrainedDims", 0), 0),
                new Configuration("linear-probe", DEFAULTS, Map.of(), 0),
                new Configuration("linear-probe", NULL_COPY, Map.of(), n),
                new Configuration("linear-probe", "conceptWeight-0", Map.of("conceptWeight", 0.0), 0));
    }
}
