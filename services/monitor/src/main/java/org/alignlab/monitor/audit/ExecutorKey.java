package org.alignlab.monitor.audit;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.security.PublicKey;
import java.util.Map;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.monitor.config.MonitorConfig;

/**
 * The executor's public key: what an {@code audit.events} record must be signed with before the monitor appends it.
 * Decoded at start, so a missing or malformed key stops the service instead of its first event.
 */
@Singleton
@Startup
public class ExecutorKey {

    private final PublicKey key;
    private final String keyId;

    ExecutorKey(MonitorConfig config) {
        this.key = Ed25519.decodePublic(config.executorPublicKey());
        this.keyId = Ed25519.keyId(key);
    }

    /** Why the event is not the executor's, or null when it is. */
    public String problem(AuditEvent event) {
        if (!keyId.equals(event.keyId())) {
            return "audit event " + event.id() + " names key " + event.keyId() + ", not the executor's key " + keyId;
        }
        if (!OriginSigner.verifies(key, event.payloadHash(), event.signature())) {
            return "audit event " + event.id() + " carries a signature that does not verify: forged or altered";
        }
        return null;
    }

    /** Per actor whose records carry its own signature, its key: what a chain verification checks them with. */
    public Map<String, PublicKey> originKeys() {
        return Map.of(AuditLog.EXECUTOR, key);
    }
}
