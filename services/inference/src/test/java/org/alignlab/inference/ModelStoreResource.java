package org.alignlab.inference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.alignlab.contracts.security.Roles;
import org.alignlab.infra.TestTokens;

/**
 * A throw-away model store holding a copy of the shipped trusted monitor, a folder that is not a text classifier
 * ({@code notes}, two files) and a stray top-level file that is not a model; and the key that verifies
 * {@link TestTokens}.
 */
public class ModelStoreResource implements QuarkusTestResourceLifecycleManager {

    /** Surefire runs in the module directory, where the shipped model lives. */
    static final Path SHIPPED = Path.of("models/trusted-monitor");

    @Override
    public Map<String, String> start() {
        try {
            Path store = Files.createTempDirectory("alignlab-model-store");
            Path monitor = Files.createDirectories(store.resolve("trusted-monitor"));
            try (Stream<Path> files = Files.list(SHIPPED)) {
                for (Path file : files.toList()) {
                    Files.copy(file, monitor.resolve(file.getFileName()));
                }
            }
            Path notes = Files.createDirectories(store.resolve("notes"));
            Files.writeString(notes.resolve("serving.properties"), "engine=PyTorch\n");
            Files.createDirectories(notes.resolve("weights"));
            Files.write(notes.resolve("weights/notes-0001.params"), new byte[] {1, 2, 3});
            Files.writeString(store.resolve("README.txt"), "a file at the top level is not a model\n");
            // No TestInfrastructure here (no Kafka, no database): the test tokens' key is handed over directly.
            return Map.of("alignlab.inference.model-store", store.toString(),
                    "mp.jwt.verify.publickey", TestTokens.publicKey(),
                    "mp.jwt.verify.issuer", Roles.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The temporary directory is left to the OS; the JVM exits right after.
    }
}
