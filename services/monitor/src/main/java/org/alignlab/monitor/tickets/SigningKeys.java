package org.alignlab.monitor.tickets;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.UUID;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.events.ExecutionTicket;
import org.alignlab.contracts.events.Verdict;

/** The monitor's Ed25519 key pair, proven to belong together before anything is signed with it. */
public final class SigningKeys {

    private final TicketSigner signer;
    private final PublicKey publicKey;

    private SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.signer = new TicketSigner(privateKey, publicKey);
        this.publicKey = publicKey;
    }

    /**
     * Decodes both halves and signs a probe with the private key that the public key must verify. A JDK EdDSA
     * private key does not expose its public half, so a mismatched pair would otherwise only show up as
     * every ticket being rejected by the executor.
     *
     * @throws IllegalArgumentException when a key does not decode or the halves do not match
     */
    public static SigningKeys decode(String privateKeyBase64, String publicKeyBase64) {
        PrivateKey privateKey = Ed25519.decodePrivate(privateKeyBase64);
        PublicKey publicKey = Ed25519.decodePublic(publicKeyBase64);
        byte[] probe = ("alignlab-monitor-key-probe:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalArgumentException(
                    "alignlab.monitor.signing-public-key is not the public half of alignlab.monitor.signing-key");
        }
        return new SigningKeys(privateKey, publicKey);
    }

    public String keyId() {
        return signer.keyId();
    }

    /** Base64 X.509, the form the executor is configured with. */
    public String publicKeyBase64() {
        return Ed25519.encodePublic(publicKey);
    }

    public ExecutionTicket sign(ExecutionTicket unsigned) {
        return signer.sign(unsigned);
    }

    /** The verdict as it is published and answered: under this key, which consumers believe alone. */
    public Verdict sign(Verdict unsigned) {
        return signer.sign(unsigned.signedBy(keyId()));
    }

    public AuditCheckpoint sign(AuditCheckpoint unsigned) {
        return signer.sign(unsigned);
    }

    /** An audit record about to be appended; its {@code monitorKeyId} must already be this key's. */
    public ChainEntry sign(ChainEntry unsigned) {
        return signer.sign(unsigned);
    }

    /** Checks signatures with the public half only, as the executor and offline verifiers do. */
    public TicketVerifier verifier() {
        return new TicketVerifier(publicKey);
    }
}
