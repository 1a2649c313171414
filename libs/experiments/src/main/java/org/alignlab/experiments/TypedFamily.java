package org.alignlab.experiments;

import java.util.Map;
import java.util.function.Function;
import org.alignlab.contracts.events.Split;

/**
 * A family whose parameters are a record read from a spec's params: it names itself and its reader once, and
 * implements only what one seed does with the typed parameters.
 *
 * @param <P> the family's parameters, every default filled in
 */
public abstract class TypedFamily<P> implements ExperimentFamily {

    private final String name;
    private final Function<Map<String, Object>, P> reader;

    protected TypedFamily(String name, Function<Map<String, Object>, P> reader) {
        this.name = name;
        this.reader = reader;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final P readParams(Map<String, Object> params) {
        return reader.apply(params);
    }

    @Override
    public final Map<String, Double> run(Map<String, Object> params, int seed, Split split) {
        return evaluate(readParams(params), seed, split);
    }

    /** One seed on {@code split}: metric name to a finite value. */
    protected abstract Map<String, Double> evaluate(P params, int seed, Split split);
}
