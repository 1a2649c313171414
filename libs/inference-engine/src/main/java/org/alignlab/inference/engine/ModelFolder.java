package org.alignlab.inference.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.alignlab.contracts.json.Sha256;

/**
 * A model folder: its {@code metadata.json} and the weights it names. Serving reads and checks a folder here before
 * the engine loads it, and training writes the version it computes here, so both agree on what a folder holds.
 */
public final class ModelFolder {

    /** Characters of the weights' SHA-256 that make the version, as in every response. */
    public static final int VERSION_HEX_CHARS = 12;
    private static final Set<String> SERVED_TASKS = Set.of(ModelMetadata.TEXT_CLASSIFICATION, ModelMetadata.TENSORS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFolder() {
    }

    /**
     * The folder's metadata when it declares a model that can be served; empty for a folder of anything else.
     *
     * @throws ModelLoadException when the metadata cannot be read, or a TorchScript file lies in the folder
     *                            without metadata that declares its inputs and outputs
     */
    public static Optional<ModelMetadata> servedMetadata(Path folder) {
        Path file = folder.resolve(ModelMetadata.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            if (hasTorchScript(folder)) {
                throw new ModelLoadException(folder + " holds a TorchScript .pt file but no " + ModelMetadata.FILE_NAME
                        + " declaring its inputs and outputs (task \"" + ModelMetadata.TENSORS + "\")");
            }
            return Optional.empty();
        }
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(file.toFile(), ModelMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("unreadable " + file + ": " + e.getMessage(), e);
        }
        return SERVED_TASKS.contains(metadata.task()) ? Optional.of(metadata) : Optional.empty();
    }

    /** The version of a weights file: the first {@value #VERSION_HEX_CHARS} hex digits of its SHA-256. */
    public static String version(Path weights) throws IOException {
        return Sha256.hex(Files.readAllBytes(weights)).substring(0, VERSION_HEX_CHARS);
    }

    /**
     * Checks that {@code metadata} declares everything its task needs, that its weights lie inside {@code folder},
     * and that they are the weights it was written with. A folder that does not add up fails here rather than
     * answering wrongly.
     *
     * @return the weights' version
     * @throws ModelLoadException when any of that does not hold
     */
    public static String checkedVersion(Path folder, ModelMetadata metadata) {
        boolean classifier = ModelMetadata.TEXT_CLASSIFICATION.equals(metadata.task());
        if (metadata.name() == null || metadata.weights() == null || (classifier && (metadata.labels() == null
                || metadata.labels().size() < 2 || metadata.features() == null || metadata.network() == null))
                || (!classifier && (metadata.inputs() == null || metadata.outputs() == null))) {
            throw new ModelLoadException(folder + "/" + ModelMetadata.FILE_NAME + " needs name and weights, and "
                    + (classifier ? "labels (two or more), features and network" : "inputs and outputs"));
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
        return version;
    }

    private static boolean hasTorchScript(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".pt"));
        } catch (IOException e) {
            return false;
        }
    }
}
