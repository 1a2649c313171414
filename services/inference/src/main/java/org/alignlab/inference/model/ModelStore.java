package org.alignlab.inference.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.inference.config.InferenceConfig;

/**
 * The model store: one directory per model under the configured root. Read on every call, so a model copied in
 * while the service runs shows up without a restart.
 */
@ApplicationScoped
public class ModelStore {

    private final Path root;

    @Inject
    public ModelStore(InferenceConfig config) {
        this(config.modelStore());
    }

    public ModelStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public boolean readable() {
        return Files.isDirectory(root) && Files.isReadable(root);
    }

    /** The models in the store, by name; each lists its files relative to the model folder. */
    public List<ModelResponse> models() {
        if (!readable()) {
            throw new ModelStoreUnavailableException(root);
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .map(dir -> new ModelResponse(dir.getFileName().toString(), files(dir)))
                    .toList();
        } catch (IOException e) {
            throw new ModelStoreUnavailableException(root);
        }
    }

    private static List<String> files(Path modelDir) {
        try (Stream<Path> walk = Files.walk(modelDir)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> modelDir.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + modelDir, e);
        }
    }
}
