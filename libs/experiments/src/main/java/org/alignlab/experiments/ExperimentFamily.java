package org.alignlab.experiments;

import java.util.Map;
import org.alignlab.contracts.events.ExperimentSpec;
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

    /**
     * The parameters a run with {@code params} uses, every default filled in, as the family reads them: a record
     * whose components are the family's parameters. A family without declared parameters gives {@code params} back.
     *
     * @throws InvalidParamsException when {@code params} holds an unknown or out-of-range parameter
     */
    Object readParams(Map<String, Object> params);

    /**
     * Readies a spec for running seed by seed; the runner calls this once per run. A family that needs more of the
     * spec than its params, or work shared by all seeds (the script family compiles its source), overrides it.
     *
     * @throws InvalidParamsException when the spec carries a script: only the script family runs agent code, and a
     *     script silently ignored would mislead whoever reads the spec
     */
    default SeedRun prepare(ExperimentSpec spec) {
        if (spec.script() != null) {
            throw new InvalidParamsException("family " + name() + " takes no spec.script; only family script does");
        }
        return seed -> run(spec.params(), seed, spec.split());
    }

    /** A prepared run: one seed's metrics at a time. */
    @FunctionalInterface
    interface SeedRun {

        Map<String, Double> run(int seed);
    }
}
