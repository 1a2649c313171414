package org.alignlab.experiments;

import java.util.Map;
import org.alignlab.contracts.events.Split;

/**
 * One kind of experiment the runner can run. Implementations are deterministic: the same params, seed and split
 * give the same metrics.
 */
public interface ExperimentFamily {

    /** The name a spec's {@code family} field selects, e.g. {@code weak-to-strong}. */
    String name();

    /**
     * Runs one seed and evaluates on {@code split}.
     *
     * @return metric name to a finite value
     * @throws InvalidParamsException when {@code params} holds an unknown or out-of-range parameter
     */
    Map<String, Double> run(Map<String, Object> params, int seed, Split split);
}
