package org.alignlab.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.alignlab.contracts.events.AuditEvent;
import org.alignlab.contracts.events.ExperimentResult;

/**
 * A service's own signing key for what it reports to the audit chain. It signs the payload hash (the SHA-256 hex of
 * the canonical JSON of the event without its signature) rather than the event, so that a verifier holding only the
 * audit record, which keeps the hash and not the event, can still check who vouched for it.
 */
public final class OriginSigner {

    private final Ed25519.SigningKey privateKey;
    private final String keyId;

    public OriginSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Ed25519.signingKey(privateKey);
        this.keyId = Ed25519.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** Signs an event whose {@code keyId} is already this signer's and whose signature is null. */
    public AuditEvent sign(AuditEvent unsigned) {
        if (unsigned.signature() != null || !keyId.equals(unsigned.keyId())) {
            throw new IllegalArgumentException("sign an unsigned event that names key " + keyId);
        }
        return unsigned.withSignature(signHash(unsigned.payloadHash()));
    }

    /** Signs a result whose {@code keyId} is already this signer's and whose signature is null. */
    public ExperimentResult sign(ExperimentResult unsigned) {
        if (unsigned.signature() != null || !keyId.equals(unsigned.keyId())) {
            throw new IllegalArgumentException("sign an unsigned result that names key " + keyId);
        }
        return unsigned.withSignature(signHash(unsigned.payloadHash()));
    }

    public String signHash(String payloadHash) {
        return privateKey.sign(payloadHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code payloadHash}. */
    public static boolean verifies(PublicKey key, String payloadHash, String signature) {
        return signature != null && payloadHash != null
                && Ed25519.verify(key, payloadHash.getBytes(StandardCharsets.US_ASCII), signature);
    }
}
