package org.alignlab.sandbox.verification;

import java.util.List;
import java.util.Map;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.ExperimentStatus;
import org.alignlab.contracts.events.SeedMetrics;
import org.alignlab.sandbox.RunOutcome;

/** What the checks of a finished run look at: how it ended and the numbers it reported, overall and per seed. */
public record RunNumbers(ExperimentStatus status, String reason, Map<String, Double> metrics,
        List<SeedMetrics> perSeed) {

    public static RunNumbers of(ExperimentResult result) {
        return new RunNumbers(result.status(), result.reason(), result.metrics(), result.perSeed());
    }

    public static RunNumbers of(RunOutcome outcome) {
        return outcome.output() == null
                ? new RunNumbers(outcome.status(), outcome.reason(), Map.of(), List.of())
                : new RunNumbers(outcome.status(), outcome.reason(), outcome.output().metrics(),
                        outcome.output().perSeed());
    }
}
