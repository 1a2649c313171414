package org.alignlab.contracts.events;

import java.time.Instant;
import java.util.UUID;
import org.alignlab.contracts.json.Sha256;

/**
 * Something a service other than the monitor did with an action, to be appended to the audit chain. Signed by the
 * reporting service's key ({@link org.alignlab.contracts.crypto.OriginSigner}), so that whoever can write to
 * {@code audit.events} cannot put words in the executor's mouth; the monitor checks the signature before it
 * appends, and keeps it in the record for verifiers.
 *
 * @param id        unique per event, so the monitor appends each one once under at-least-once delivery
 * @param keyId     the reporting service's key
 * @param signature Ed25519 over the ASCII of {@link #payloadHash()}
 */
public record AuditEvent(
        UUID id,
        UUID goalId,
        UUID actionId,
        AuditEventType type,
        String detail,
        String traceId,
        Instant at,
        String keyId,
        String signature) {

    public AuditEvent withSignature(String newSignature) {
        return new AuditEvent(id, goalId, actionId, type, detail, traceId, at, keyId, newSignature);
    }

    /** SHA-256 of the canonical JSON of everything but the signature: what is signed, and the record's payload. */
    public String payloadHash() {
        return Sha256.ofCanonical(withSignature(null));
    }
}
