package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.ExecutionTicket;
import org.junit.jupiter.api.Test;

class TicketSignatureTest {

    private final KeyPair monitorKeys = Ed25519.generate();
    private final TicketSigner signer = new TicketSigner(monitorKeys);
    private final TicketVerifier verifier = new TicketVerifier(monitorKeys.getPublic());

    @Test
    void aSignedTicketVerifiesWithThePublicKeyAlone() {
        ExecutionTicket ticket = signer.sign(Samples.unsignedTicket(signer.keyId()));
        TicketVerifier fromEncodedKey = new TicketVerifier(
                Ed25519.decodePublic(Ed25519.encodePublic(monitorKeys.getPublic())));

        assertThat(fromEncodedKey.verify(ticket)).isTrue();
    }

    @Test
    void changingAnyFieldBreaksTheSignature() {
        ExecutionTicket ticket = signer.sign(Samples.unsignedTicket(signer.keyId()));
        ExecutionTicket longerLife = new ExecutionTicket(ticket.ticketId(), ticket.action(), ticket.contentHash(),
                ticket.decision(), ticket.auditSeq(), ticket.auditHash(), ticket.issuedAt(),
                ticket.expiresAt().plusSeconds(1), ticket.keyId(), ticket.signature());

        assertThat(verifier.verify(longerLife)).isFalse();
    }

    @Test
    void theContentHashIsSignedWithTheAction() {
        ExecutionTicket ticket = signer.sign(Samples.unsignedTicket(signer.keyId()));
        ExecutionTicket otherContent = new ExecutionTicket(ticket.ticketId(), ticket.action(), "b".repeat(64),
                ticket.decision(), ticket.auditSeq(), ticket.auditHash(), ticket.issuedAt(), ticket.expiresAt(),
                ticket.keyId(), ticket.signature());

        assertThat(verifier.verify(otherContent)).isFalse();
    }

    @Test
    void aTicketSignedByAnotherKeyIsRejected() {
        TicketSigner forger = new TicketSigner(Ed25519.generate());
        ExecutionTicket forged = forger.sign(Samples.unsignedTicket(forger.keyId()));
        ExecutionTicket forgedClaimingOurKey = forger.sign(Samples.unsignedTicket(forger.keyId()))
                .withSignature(forged.signature());

        assertThat(verifier.verify(forged)).isFalse();
        assertThat(verifier.verify(forgedClaimingOurKey)).isFalse();
        assertThat(verifier.verify(Samples.unsignedTicket(signer.keyId()))).isFalse();
    }

    @Test
    void checkpointsAreSignedTheSameWay() {
        AuditCheckpoint checkpoint = signer.sign(Samples.unsignedCheckpoint(signer.keyId()));
        assertThat(verifier.verify(checkpoint)).isTrue();
        assertThat(verifier.verify(new AuditCheckpoint(checkpoint.chain(), checkpoint.seq() + 1, checkpoint.hash(),
                checkpoint.checkpointSeq(), checkpoint.previousHash(), checkpoint.createdAt(), checkpoint.keyId(),
                checkpoint.signature()))).isFalse();
        // The link to the previous checkpoint is signed too: a checkpoint cannot be moved in the history.
        assertThat(verifier.verify(new AuditCheckpoint(checkpoint.chain(), checkpoint.seq(), checkpoint.hash(),
                checkpoint.checkpointSeq() + 1, "f".repeat(64), checkpoint.createdAt(), checkpoint.keyId(),
                checkpoint.signature()))).isFalse();
    }

    @Test
    void theSignerRefusesToSignForAnotherKeyId() {
        assertThatThrownBy(() -> signer.sign(Samples.unsignedTicket("0123456789abcdef")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysSurviveTheirTextEncoding() {
        KeyPair keys = Ed25519.generate();
        TicketSigner fromText = new TicketSigner(Ed25519.decodePrivate(Ed25519.encodePrivate(keys.getPrivate())),
                keys.getPublic());
        assertThat(new TicketVerifier(keys.getPublic()).verify(fromText.sign(Samples.unsignedTicket(fromText.keyId()))))
                .isTrue();
    }
}
