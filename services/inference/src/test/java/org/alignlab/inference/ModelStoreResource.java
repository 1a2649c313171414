package org.alignlab.inference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A throw-away model store holding one model folder, {@code tiny-monitor}, with two files. */
public class ModelStoreResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path store = Files.createTempDirectory("alignlab-model-store");
            Path model = Files.createDirectories(store.resolve("tiny-monitor"));
            Files.writeString(model.resolve("serving.properties"), "engine=PyTorch\n");
            Files.createDirectories(model.resolve("weights"));
            Files.write(model.resolve("weights/tiny-monitor-0001.params"), new byte[] {1, 2, 3});
            Files.writeString(store.resolve("README.txt"), "a file at the top level is not a model\n");
            return Map.of("alignlab.inference.model-store", store.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The temporary directory is left to the OS; the JVM exits right after.
    }
}
