package org.alignlab.inference.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.alignlab.contracts.json.Sha256;
import org.alignlab.inference.classify.TextClassifier;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextFeaturiser;

/**
 * Reads a model folder's {@code metadata.json} and loads the model it declares. Everything is checked before the
 * model serves a single request: a folder that does not add up fails to load rather than answering wrongly.
 */
public final class ModelLoader {

    /** Characters of the weights' SHA-256 that make the version, as in every response. */
    public static final int VERSION_HEX_CHARS = 12;
    private static final Set<String> SERVED_TASKS = Set.of(ModelMetadata.TEXT_CLASSIFICATION, ModelMetadata.TENSORS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelEngine engine;
    private final RunnerFactory runners;

    public ModelLoader(ModelEngine engine, RunnerFactory runners) {
        this.engine = engine;
        this.runners = runners;
    }

    /**
     * The folder's metadata when it declares a model this service serves; empty for a folder of anything else.
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

    /** Loads the model in {@code folder}, served under the folder's name. */
    public ServedModel load(Path folder, ModelMetadata metadata) {
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
        String name = folder.getFileName().toString();
        LoadedModel model = engine.load(folder, metadata);
        try {
            ModelRunner runner = runners.create(name, model);
            TextClassifier text = classifier
                    ? new TextClassifier(name, metadata.labels(), new TextFeaturiser(metadata.features()), runner)
                    : null;
            return new ServedModel(name, version, model, runner, text);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static boolean hasTorchScript(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pt = files.filter(file -> file.getFileName().toString().endsWith(".pt")).toList();
            return !pt.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
