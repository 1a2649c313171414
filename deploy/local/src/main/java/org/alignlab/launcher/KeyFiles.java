package org.alignlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A key pair kept in the run directory's {@code keys/} as {@code NAME.key} (owner-only) and {@code NAME.pub}, each one
 * line of Base64, generated the first time it is asked for so that what was signed with it stays verifiable across
 * restarts.
 */
final class KeyFiles {

    /** A key pair as the services read it: Base64 text. */
    record EncodedPair(String privateKey, String publicKey) {
    }

    private KeyFiles() {
    }

    static EncodedPair loadOrCreate(RunDir runDir, String name, Supplier<EncodedPair> generate) throws IOException {
        Path privateFile = runDir.keys().resolve(name + ".key");
        Path publicFile = runDir.keys().resolve(name + ".pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            EncodedPair pair = generate.get();
            Files.createDirectories(runDir.keys());
            Files.deleteIfExists(privateFile);
            // Created with owner-only permissions, never briefly readable by others.
            Files.createFile(privateFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, pair.privateKey() + "\n");
            Files.writeString(publicFile, pair.publicKey() + "\n");
        }
        return new EncodedPair(Files.readString(privateFile).strip(), Files.readString(publicFile).strip());
    }
}
