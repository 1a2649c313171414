package org.alignlab.inference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.alignlab.contracts.security.Roles;
import org.alignlab.testing.TestTokens;

/**
 * A throw-away model store holding a copy of the shipped trusted monitor, the TorchScript test model
 * ({@code affine}), a folder that is not a model ({@code notes}, two files) and a stray top-level file that is not a
 * model; and the key that verifies {@link TestTokens}. Batches wait up to 20 ms, long enough for concurrent test
 * requests to meet.
 */
public class ModelStoreResource implements QuarkusTestResourceLifecycleManager {

    /** The shipped model folder (models/trusted-monitor builds it), relative to the module directory. */
    static final Path SHIPPED = Path.of("../../models/trusted-monitor/model-store/trusted-monitor");
    /** The TorchScript test model of the engine library (libs/inference-engine/src/test/resources/torchscript). */
    static final Path AFFINE = Path.of("../../libs/inference-engine/src/test/resources/torchscript/affine");

    @Override
    public Map<String, String> start() {
        try {
            Path store = Files.createTempDirectory("alignlab-model-store");
            copy(SHIPPED, Files.createDirectories(store.resolve("trusted-monitor")));
            copy(AFFINE, Files.createDirectories(store.resolve("affine")));
            Path notes = Files.createDirectories(store.resolve("notes"));
            Files.writeString(notes.resolve("serving.properties"), "engine=PyTorch\n");
            Files.createDirectories(notes.resolve("weights"));
            Files.write(notes.resolve("weights/notes-0001.params"), new byte[] {1, 2, 3});
            Files.writeString(store.resolve("README.txt"), "a file at the top level is not a model\n");
            // No TestInfrastructure here (no Kafka, no database): the test tokens' key is handed over directly.
            return Map.of("alignlab.inference.model-store", store.toString(),
                    "alignlab.inference.batching.max-delay", "20ms",
                    // One predictor, which the batcher holds: no request runs alone, so concurrent ones must meet.
                    "alignlab.inference.predictors", "1",
                    "mp.jwt.verify.publickey", TestTokens.publicKey(),
                    "mp.jwt.verify.issuer", Roles.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Override
    public void stop() {
        // The temporary directory is left to the OS; the JVM exits right after.
    }
}
