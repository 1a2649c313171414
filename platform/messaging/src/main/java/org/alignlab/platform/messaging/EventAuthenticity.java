package org.alignlab.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.Optional;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Verdict;

/**
 * Who may have produced an event: a verdict only the monitor, a result only the executor. Checked on every record the
 * {@link ConsumerFailurePolicy} decodes, so whoever can write a topic still cannot make a consumer believe a forged
 * verdict or result: it is poison, dead-lettered with the reason, and creates no state.
 */
@ApplicationScoped
public class EventAuthenticity {

    private final Optional<TicketVerifier> monitor;
    private final Optional<PublicKey> executor;
    private final String executorKeyId;

    @Inject
    EventAuthenticity(ProducerKeys keys) {
        this(keys.monitorPublicKey().map(Ed25519::decodePublic), keys.executorPublicKey().map(Ed25519::decodePublic));
    }

    public EventAuthenticity(Optional<PublicKey> monitorKey, Optional<PublicKey> executorKey) {
        this.monitor = monitorKey.map(TicketVerifier::new);
        this.executor = executorKey;
        this.executorKeyId = executorKey.map(Ed25519::keyId).orElse(null);
    }

    /**
     * @throws PoisonRecordException when the event is one only another service may produce and it did not sign it
     * @throws IllegalStateException when this service lacks the key to tell (a configuration error: retried, then
     *                               dead-lettered, never believed)
     */
    public void check(Object event) {
        if (event instanceof Verdict verdict) {
            TicketVerifier key = monitor.orElseThrow(() -> missing("monitor-public-key", "verdicts"));
            if (!key.verify(verdict)) {
                throw new PoisonRecordException("verdict on action " + verdict.actionId()
                        + " is not signed by the monitor's key " + key.keyId() + " (names key " + verdict.keyId()
                        + "): not the monitor's");
            }
        } else if (event instanceof ExperimentResult result) {
            PublicKey key = executor.orElseThrow(() -> missing("executor-public-key", "results"));
            if (!executorKeyId.equals(result.keyId())
                    || !OriginSigner.verifies(key, result.payloadHash(), result.signature())) {
                throw new PoisonRecordException("result of action " + result.actionId()
                        + " is not signed by the executor's key " + executorKeyId + " (names key " + result.keyId()
                        + "): not the executor's");
            }
        }
    }

    private static IllegalStateException missing(String key, String what) {
        return new IllegalStateException("alignlab.keys." + key + " is not set: " + what + " cannot be believed");
    }
}
