package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What came back from the sandbox for one action.
 *
 * @param traceId the OpenTelemetry trace of the action, so a result can be joined to its audit records
 */
public record ExperimentResult(
        UUID actionId,
        UUID goalId,
        ExperimentStatus status,
        String reason,
        Map<String, Double> metrics,
        List<SeedMetrics> perSeed,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        ResourceUsage resources,
        RunEnvironment environment,
        String logTail,
        String traceId) {
}
