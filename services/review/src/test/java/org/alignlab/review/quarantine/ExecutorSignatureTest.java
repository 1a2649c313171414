package org.alignlab.review.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.AuditEventType;
import org.alignlab.platform.messaging.ProducerKeys;
import org.junit.jupiter.api.Test;

class ExecutorSignatureTest {

    private static final KeyPair EXECUTOR = Ed25519.generate();
    private static final KeyPair IMPOSTOR = Ed25519.generate();

    private final ExecutorSignature signature = new ExecutorSignature(keys(Optional.of(
            Ed25519.encodePublic(EXECUTOR.getPublic()))));

    @Test
    void theExecutorsMismatchIsBelieved() {
        assertThat(signature.problem(signedBy(EXECUTOR, "pgr differs"))).isNull();
    }

    @Test
    void anotherKeysMismatchIsNot() {
        AuditEvent forged = signedBy(IMPOSTOR, "pgr differs");

        assertThat(signature.problem(forged)).contains(forged.id().toString()).contains("not the executor's");
    }

    @Test
    void aMismatchAlteredAfterTheExecutorSignedItIsNot() {
        AuditEvent signed = signedBy(EXECUTOR, "pgr differs");
        AuditEvent altered = new AuditEvent(signed.id(), signed.goalId(), UUID.randomUUID(), signed.type(),
                signed.detail(), signed.traceId(), signed.at(), signed.keyId(), signed.signature());

        assertThat(signature.problem(altered)).contains("does not verify");
    }

    @Test
    void withoutTheExecutorsKeyNothingIsBelieved() {
        ExecutorSignature keyless = new ExecutorSignature(keys(Optional.empty()));

        assertThatThrownBy(() -> keyless.problem(signedBy(EXECUTOR, "pgr differs")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("executor-public-key");
    }

    private static AuditEvent signedBy(KeyPair pair, String detail) {
        OriginSigner signer = new OriginSigner(pair.getPrivate(), pair.getPublic());
        return signer.sign(new AuditEvent(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                AuditEventType.RESULT_MISMATCH, detail, null, Instant.parse("2026-12-01T10:00:00Z"), signer.keyId(),
                null));
    }

    private static ProducerKeys keys(Optional<String> executor) {
        return new ProducerKeys() {
            @Override
            public Optional<String> monitorPublicKey() {
                return Optional.empty();
            }

            @Override
            public Optional<String> executorPublicKey() {
                return executor;
            }
        };
    }
}
