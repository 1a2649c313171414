package org.alignlab.inference.serving;

import java.nio.file.Path;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextClassifier;

/**
 * Loads the model a folder's {@code metadata.json} declares and gives it its runner. Everything is checked before
 * the model serves a single request ({@link ModelFolder#checkedVersion}): a folder that does not add up fails to
 * load rather than answering wrongly.
 */
public final class ModelLoader {

    private final ModelEngine engine;
    private final RunnerFactory runners;

    public ModelLoader(ModelEngine engine, RunnerFactory runners) {
        this.engine = engine;
        this.runners = runners;
    }

    /** Loads the model in {@code folder}, served under the folder's name. */
    public ServedModel load(Path folder, ModelMetadata metadata) {
        String version = ModelFolder.checkedVersion(folder, metadata);
        String name = folder.getFileName().toString();
        LoadedModel model = engine.load(folder, metadata);
        try {
            ModelRunner runner = runners.create(name, model);
            TextClassifier text = ModelMetadata.TEXT_CLASSIFICATION.equals(metadata.task())
                    ? TextClassifier.of(name, metadata, runner::run)
                    : null;
            return new ServedModel(name, version, model, runner, text);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
