package org.alignlab.launcher;

import java.io.IOException;
import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;

/**
 * The monitor's ticket-signing key pair for a local stack, generated once per run directory so tickets and
 * checkpoints stay verifiable across restarts. Base64 (PKCS#8 private, X.509 public), as the services read them.
 */
public record SigningKeys(String privateKey, String publicKey) {

    public static SigningKeys loadOrCreate(RunDir runDir) throws IOException {
        KeyFiles.EncodedPair pair = KeyFiles.loadOrCreate(runDir, "monitor-signing", () -> {
            KeyPair generated = Ed25519.generate();
            return new KeyFiles.EncodedPair(Ed25519.encodePrivate(generated.getPrivate()),
                    Ed25519.encodePublic(generated.getPublic()));
        });
        return new SigningKeys(pair.privateKey(), pair.publicKey());
    }
}
