package org.alignlab.launcher;

import java.io.IOException;
import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;

/**
 * An Ed25519 key pair of a local stack (the monitor's for tickets and checkpoints, the executor's for its audit
 * events), generated once per run directory so what it signed stays verifiable across restarts. Base64 (PKCS#8
 * private, X.509 public), as the services read them.
 */
public record SigningKeys(String privateKey, String publicKey) {

    public static final String MONITOR = "monitor-signing";
    public static final String EXECUTOR = "executor-signing";

    public static SigningKeys loadOrCreate(RunDir runDir, String name) throws IOException {
        KeyFiles.EncodedPair pair = KeyFiles.loadOrCreate(runDir, name, () -> {
            KeyPair generated = Ed25519.generate();
            return new KeyFiles.EncodedPair(Ed25519.encodePrivate(generated.getPrivate()),
                    Ed25519.encodePublic(generated.getPublic()));
        });
        return new SigningKeys(pair.privateKey(), pair.publicKey());
    }
}
