package org.alignlab.ideation.policy;

import java.util.Map;
import java.util.Optional;
import org.alignlab.contracts.events.ExperimentStatus;

/**
 * A configuration already proposed for a goal, with its validation outcome once the result is in.
 *
 * @param configKey canonical JSON of the effective parameters (see {@code ConfigKey})
 * @param status    null while no result has come back
 * @param metrics   the result's validation metrics; empty while none
 */
public record Trial(String configKey, Map<String, Object> params, ExperimentStatus status,
        Map<String, Double> metrics) {

    /** The metric's value when the run succeeded and reported a finite one. */
    public Optional<Double> value(String metric) {
        Double value = status == ExperimentStatus.SUCCEEDED ? metrics.get(metric) : null;
        return value == null || !Double.isFinite(value) ? Optional.empty() : Optional.of(value);
    }
}
