package org.alignlab.testing;

import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.ExperimentResult;
import org.alignlab.contracts.events.Verdict;

/**
 * The monitor and the executor as tests play them: a throwaway key pair each, made once per test JVM (never a key
 * from the repository), whose public halves {@link TestInfrastructure} configures as {@code alignlab.keys.*}. A
 * test publishes a verdict, a result or an audit event the way the real producer would, signed; anything else is dead-lettered.
 */
public final class TestProducers {

    private static final KeyPair MONITOR = Ed25519.generate();
    private static final KeyPair EXECUTOR = Ed25519.generate();
    private static final TicketSigner MONITOR_SIGNER = new TicketSigner(MONITOR);
    private static final OriginSigner EXECUTOR_SIGNER = new OriginSigner(EXECUTOR.getPrivate(), EXECUTOR.getPublic());

    private TestProducers() {
    }

    /** The verdict as the monitor publishes it. */
    public static Verdict monitorSigned(Verdict verdict) {
        return MONITOR_SIGNER.sign(verdict.signedBy(MONITOR_SIGNER.keyId()));
    }

    /** The result as the executor publishes it. */
    public static ExperimentResult executorSigned(ExperimentResult result) {
        return EXECUTOR_SIGNER.sign(result.signedBy(EXECUTOR_SIGNER.keyId()));
    }

    /** The audit event as the executor publishes it. */
    public static AuditEvent executorSigned(AuditEvent event) {
        return EXECUTOR_SIGNER.sign(new AuditEvent(event.id(), event.goalId(), event.actionId(), event.type(),
                event.detail(), event.traceId(), event.at(), EXECUTOR_SIGNER.keyId(), null));
    }

    static String monitorPublicKey() {
        return Ed25519.encodePublic(MONITOR.getPublic());
    }

    static String executorPublicKey() {
        return Ed25519.encodePublic(EXECUTOR.getPublic());
    }
}
