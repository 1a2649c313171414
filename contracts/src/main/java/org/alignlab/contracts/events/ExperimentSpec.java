package org.alignlab.contracts.events;

import java.util.List;
import java.util.Map;

/**
 * What to run: a family, its parameters, the seeds, the split and the resources.
 *
 * @param script Java source, only when {@code family} is {@code script}
 */
public record ExperimentSpec(
        String family,
        Map<String, Object> params,
        List<Integer> seeds,
        Split split,
        ResourceRequest resources,
        String script) {
}
