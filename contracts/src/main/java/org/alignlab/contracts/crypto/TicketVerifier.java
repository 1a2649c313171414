package org.alignlab.contracts.crypto;

import java.security.PublicKey;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.CanonicalJson;

/** Checks signatures with the monitor's public key only; this is all the executor and verifiers hold. */
public final class TicketVerifier {

    private final PublicKey publicKey;
    private final String keyId;

    public TicketVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
        this.keyId = Ed25519.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** True when the ticket names this key and its signature covers exactly its other fields. */
    public boolean verify(ExecutionTicket ticket) {
        return keyId.equals(ticket.keyId())
                && Ed25519.verify(publicKey, CanonicalJson.bytes(ticket.withSignature(null)), ticket.signature());
    }

    public boolean verify(Verdict verdict) {
        return keyId.equals(verdict.keyId())
                && Ed25519.verify(publicKey, CanonicalJson.bytes(verdict.withSignature(null)), verdict.signature());
    }

    public boolean verify(AuditCheckpoint checkpoint) {
        return keyId.equals(checkpoint.keyId())
                && Ed25519.verify(publicKey, CanonicalJson.bytes(checkpoint.withSignature(null)),
                        checkpoint.signature());
    }

    /** True when the audit record names this key and its signature covers its whole content and place. */
    public boolean verify(ChainEntry entry) {
        return keyId.equals(entry.monitorKeyId())
                && Ed25519.verify(publicKey, entry.signedBytes(), entry.monitorSignature());
    }
}
