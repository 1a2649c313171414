package org.alignlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;

/**
 * The monitor's ticket-signing key pair for a local stack, generated once per run directory so tickets and
 * checkpoints stay verifiable across restarts. Base64 (PKCS#8 private, X.509 public), as the services read them.
 */
public record SigningKeys(String privateKey, String publicKey) {

    public static SigningKeys loadOrCreate(RunDir runDir) throws IOException {
        Path privateFile = runDir.keys().resolve("monitor-signing.key");
        Path publicFile = runDir.keys().resolve("monitor-signing.pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            KeyPair pair = Ed25519.generate();
            Files.createDirectories(runDir.keys());
            Files.deleteIfExists(privateFile);
            // Created with owner-only permissions, never briefly readable by others.
            Files.createFile(privateFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, Ed25519.encodePrivate(pair.getPrivate()) + "\n");
            Files.writeString(publicFile, Ed25519.encodePublic(pair.getPublic()) + "\n");
        }
        return new SigningKeys(Files.readString(privateFile).strip(), Files.readString(publicFile).strip());
    }
}
