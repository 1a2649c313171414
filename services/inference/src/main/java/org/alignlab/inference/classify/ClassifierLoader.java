package org.alignlab.inference.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextFeaturiser;

/**
 * Reads a model folder's {@code metadata.json} and loads it as a {@link TextClassifier}. Everything is checked before
 * the model serves a single score: a folder that does not add up fails to load rather than scoring wrongly.
 */
public final class ClassifierLoader {

    /** Characters of the weights' SHA-256 that make the version, as in the classify response. */
    public static final int VERSION_HEX_CHARS = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelEngine engine;

    public ClassifierLoader(ModelEngine engine) {
        this.engine = engine;
    }

    /** The folder's metadata when it declares a text-classification model; empty for any other folder. */
    public static Optional<ModelMetadata> textClassifierMetadata(Path folder) {
        Path file = folder.resolve(ModelMetadata.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(file.toFile(), ModelMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("unreadable " + file + ": " + e.getMessage(), e);
        }
        return ModelMetadata.TEXT_CLASSIFICATION.equals(metadata.task()) ? Optional.of(metadata) : Optional.empty();
    }

    /** The version of a weights file: the first {@value #VERSION_HEX_CHARS} hex digits of its SHA-256. */
    public static String version(Path weights) throws IOException {
        return Sha256.hex(Files.readAllBytes(weights)).substring(0, VERSION_HEX_CHARS);
    }

    /** Loads the text classifier in {@code folder}, served under the folder's name. */
    public TextClassifier load(Path folder, ModelMetadata metadata) {
        if (metadata.labels() == null || metadata.labels().size() < 2 || metadata.features() == null
                || metadata.network() == null || metadata.weights() == null || metadata.name() == null) {
            throw new ModelLoadException(folder + "/" + ModelMetadata.FILE_NAME
                    + " needs name, labels (two or more), weights, features and network");
        }
        Path weights = folder.resolve(metadata.weights()).normalize();
        if (!weights.startsWith(folder.normalize())) {
            throw new ModelLoadException("weights " + metadata.weights() + " lie outside " + folder);
        }
        String version;
        try {
            version = version(weights);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read weights " + weights + ": " + e.getMessage(), e);
        }
        if (metadata.version() != null && !metadata.version().equals(version)) {
            throw new ModelLoadException("weights " + weights + " have version " + version + " but "
                    + ModelMetadata.FILE_NAME + " says " + metadata.version() + ": they were not trained together");
        }
        return new TextClassifier(folder.getFileName().toString(), version, metadata.labels(),
                new TextFeaturiser(metadata.features()), engine.load(folder, metadata));
    }
}
