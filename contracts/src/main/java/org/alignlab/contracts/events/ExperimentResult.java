package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alignlab.contracts.json.Sha256;
import java.util.UUID;

/**
 * What came back from the sandbox for one action. Signed with the executor's key, as its audit events are
 * ({@link org.alignlab.contracts.crypto.OriginSigner}): a consumer believes only results the executor produced.
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
        String traceId,
        String keyId,
        String signature) {

    public ExperimentResult withSignature(String newSignature) {
        return new ExperimentResult(actionId, goalId, status, reason, metrics, perSeed, startedAt, finishedAt,
                durationMs, resources, environment, logTail, traceId, keyId, newSignature);
    }

    /** The same result, to be signed by the key with this id. */
    public ExperimentResult signedBy(String newKeyId) {
        return new ExperimentResult(actionId, goalId, status, reason, metrics, perSeed, startedAt, finishedAt,
                durationMs, resources, environment, logTail, traceId, newKeyId, null);
    }

    /** SHA-256 of the canonical JSON of everything but the signature: what the executor signs. */
    public String payloadHash() {
        return Sha256.ofCanonical(withSignature(null));
    }
}
