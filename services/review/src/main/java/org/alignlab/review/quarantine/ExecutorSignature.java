package org.alignlab.review.quarantine;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.Optional;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.platform.messaging.ProducerKeys;

/**
 * Whether an audit event is the executor's: signed with {@code alignlab.keys.executor-public-key}, the key review
 * already believes results with. Anyone who can write to {@code audit.events} could otherwise withdraw an honest
 * claim by reporting a mismatch.
 */
@ApplicationScoped
public class ExecutorSignature {

    private final Optional<PublicKey> key;
    private final String keyId;

    ExecutorSignature(ProducerKeys keys) {
        this.key = keys.executorPublicKey().map(Ed25519::decodePublic);
        this.keyId = key.map(Ed25519::keyId).orElse(null);
    }

    /**
     * @return why the event is not the executor's, or null when it is
     * @throws IllegalStateException when review lacks the executor's key (a configuration error: the policy retries,
     *                               then dead-letters; the event is never believed)
     */
    public String problem(AuditEvent event) {
        PublicKey executor = key.orElseThrow(() -> new IllegalStateException(
                "alignlab.keys.executor-public-key is not set: audit events cannot be believed"));
        if (!keyId.equals(event.keyId())) {
            return "audit event " + event.id() + " on action " + event.actionId() + " names key " + event.keyId()
                    + ", not the executor's key " + keyId + ": not the executor's";
        }
        if (!OriginSigner.verifies(executor, event.payloadHash(), event.signature())) {
            return "audit event " + event.id() + " on action " + event.actionId()
                    + " carries a signature that does not verify: forged or altered";
        }
        return null;
    }
}
