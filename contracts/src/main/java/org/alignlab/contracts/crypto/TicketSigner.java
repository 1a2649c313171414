package org.alignlab.contracts.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;
import org.alignlab.contracts.json.CanonicalJson;

/**
 * The monitor's signing side: signs tickets, verdicts and checkpoints over the canonical JSON of every field but the
 * signature, and the audit records it appends over {@link ChainEntry#signedBytes()}. Only the monitor holds one.
 */
public final class TicketSigner {

    private final Ed25519.SigningKey privateKey;
    private final String keyId;

    public TicketSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Ed25519.signingKey(privateKey);
        this.keyId = Ed25519.keyId(publicKey);
    }

    public TicketSigner(KeyPair keyPair) {
        this(keyPair.getPrivate(), keyPair.getPublic());
    }

    public String keyId() {
        return keyId;
    }

    /** Signs a ticket; its {@code keyId} must already be this signer's and its signature null. */
    public ExecutionTicket sign(ExecutionTicket unsigned) {
        requireUnsigned(unsigned.signature(), unsigned.keyId());
        return unsigned.withSignature(privateKey.sign(CanonicalJson.bytes(unsigned)));
    }

    public Verdict sign(Verdict unsigned) {
        requireUnsigned(unsigned.signature(), unsigned.keyId());
        return unsigned.withSignature(privateKey.sign(CanonicalJson.bytes(unsigned)));
    }

    public AuditCheckpoint sign(AuditCheckpoint unsigned) {
        requireUnsigned(unsigned.signature(), unsigned.keyId());
        return unsigned.withSignature(privateKey.sign(CanonicalJson.bytes(unsigned)));
    }

    /** Signs an audit record; its {@code monitorKeyId} must already be this signer's and its signature null. */
    public ChainEntry sign(ChainEntry unsigned) {
        requireUnsigned(unsigned.monitorSignature(), unsigned.monitorKeyId());
        return unsigned.withMonitorSignature(keyId, privateKey.sign(unsigned.signedBytes()));
    }

    private void requireUnsigned(String signature, String claimedKeyId) {
        if (signature != null) {
            throw new IllegalArgumentException("already signed");
        }
        if (!keyId.equals(claimedKeyId)) {
            throw new IllegalArgumentException("keyId " + claimedKeyId + " is not this signer's " + keyId);
        }
    }
}
