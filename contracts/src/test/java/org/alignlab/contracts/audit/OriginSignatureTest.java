package org.alignlab.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.junit.jupiter.api.Test;

/**
 * Records another service reported carry its signature, and a verifier given its key checks it, beside the monitor's
 * signature that every record carries.
 */
class OriginSignatureTest {

    private static final KeyPair EXECUTOR = Ed25519.generate();
    private static final OriginSigner SIGNER = new OriginSigner(EXECUTOR.getPrivate(), EXECUTOR.getPublic());
    private static final Map<String, java.security.PublicKey> KEYS = Map.of("executor", EXECUTOR.getPublic());

    private static AuditEvent event(String detail) {
        return SIGNER.sign(new AuditEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                AuditEventType.EXECUTION_FINISHED, detail, null, Instant.parse("2026-12-01T10:00:00Z"),
                SIGNER.keyId(), null));
    }

    /** The record the monitor appends for an event: its payload hash and the reporter's signature. */
    private static ChainEntry recordOf(AuditEvent event, String actor, String signature) {
        return new ChainEntry(RandomChains.CHAIN, 0, event.at(), event.type().name(), event.goalId(),
                event.actionId(), null, null, event.payloadHash(), null, null, null, actor, null, event.detail(),
                event.keyId(), signature, null, null, null);
    }

    private static ChainVerification verify(List<ChainEntry> entries) {
        ChainVerifier verifier = new ChainVerifier(RandomChains.CHAIN, Checkpoints.VERIFIER, KEYS);
        RandomChains.link(entries).forEach(verifier::accept);
        return verifier.result();
    }

    @Test
    void aSignedEventVerifiesAndAnyChangeBreaksIt() {
        AuditEvent event = event("exit 0");
        assertThat(OriginSigner.verifies(EXECUTOR.getPublic(), event.payloadHash(), event.signature())).isTrue();

        AuditEvent changed = new AuditEvent(event.id(), event.goalId(), event.actionId(), event.type(), "exit 1",
                event.traceId(), event.at(), event.keyId(), event.signature());
        assertThat(OriginSigner.verifies(EXECUTOR.getPublic(), changed.payloadHash(), changed.signature())).isFalse();
        assertThatThrownBy(() -> SIGNER.sign(event)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executorRecordsMustCarryTheExecutorsSignature() {
        AuditEvent genuine = event("exit 0");
        List<ChainEntry> entries = new ArrayList<>();
        entries.add(recordOf(genuine, "executor", genuine.signature()));
        assertThat(verify(entries).verified()).isTrue();

        // Someone with the database's credentials appends an execution the executor never reported.
        AuditEvent forged = new AuditEvent(UUID.randomUUID(), genuine.goalId(), UUID.randomUUID(),
                AuditEventType.EXECUTION_FINISHED, "exit 0", null, genuine.at(), SIGNER.keyId(), null);
        entries.add(recordOf(forged, "executor", null));
        assertThat(verify(entries).firstBroken()).isEqualTo(new ChainVerification.BrokenLink(2,
                "a record of executor without its signature: not reported by executor"));

        entries.set(1, recordOf(forged, "executor", genuine.signature()));
        assertThat(verify(entries).firstBroken().reason()).isEqualTo(
                "the signature of executor does not verify: forged or altered");
    }

    /**
     * Without the executor's key a verifier holds an execution record to the monitor's signature alone, which covers
     * the executor's signature as the monitor kept it: one appended without the monitor's key still breaks.
     */
    @Test
    void withoutTheExecutorsKeyTheMonitorsSignatureIsStillChecked() {
        AuditEvent forged = new AuditEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                AuditEventType.EXECUTION_FINISHED, "exit 0", null, Instant.parse("2026-12-01T10:00:00Z"), "k", null);
        ChainVerifier appendedByTheMonitor = new ChainVerifier(RandomChains.CHAIN, Checkpoints.VERIFIER);
        RandomChains.link(List.of(recordOf(forged, "executor", null))).forEach(appendedByTheMonitor::accept);
        ChainVerifier appendedByOthers = new ChainVerifier(RandomChains.CHAIN, Checkpoints.VERIFIER);
        RandomChains.link(List.of(recordOf(forged, "executor", null)), false).forEach(appendedByOthers::accept);

        assertThat(appendedByTheMonitor.result().verified()).isTrue();
        assertThat(appendedByOthers.result().firstBroken().reason())
                .isEqualTo("no signature of the monitor: not appended by the monitor");
    }

    /** The monitor's signature covers the executor's as it was kept: swapping it in afterwards breaks the record. */
    @Test
    void theExecutorsSignatureIsCoveredByTheMonitors() {
        AuditEvent genuine = event("exit 0");
        AuditEvent other = event("exit 1");
        List<ChainLink> chain = RandomChains.link(List.of(recordOf(genuine, "executor", genuine.signature())));
        ChainEntry swapped = RandomChains.with(chain.get(0).entry(), "originSignature", other.signature());

        ChainVerifier verifier = new ChainVerifier(RandomChains.CHAIN, Checkpoints.VERIFIER, KEYS);
        verifier.accept(new ChainLink(swapped, swapped.computeHash()));

        assertThat(verifier.result().firstBroken().reason())
                .isEqualTo("the monitor's signature does not verify: forged or altered");
    }
}
