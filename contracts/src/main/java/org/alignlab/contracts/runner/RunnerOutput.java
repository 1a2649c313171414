package org.alignlab.contracts.runner;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.RunEnvironment;
import org.alignlab.contracts.events.SeedMetrics;

/**
 * What the experiments runner writes to {@code --out} inside the sandbox, and the executor reads back.
 * Schema: {@code schemas/RunnerOutput.schema.json}.
 *
 * @param metrics aggregated over seeds (for each metric m: m (mean), m_std, m_ci95_lo, m_ci95_hi)
 */
public record RunnerOutput(Map<String, Double> metrics, List<SeedMetrics> perSeed, RunEnvironment environment) {

    public static final String SCHEMA_FILE = "RunnerOutput.schema.json";
}
