package org.alignlab.inference.serving;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelFolder;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.features.TextClassifier;
import org.jboss.logging.Logger;

/**
 * Loads the model a folder's {@code metadata.json} declares and gives it its runner. Everything is checked before
 * the model serves a single request ({@link ModelFolder#checkedVersion}): a folder that does not add up fails to
 * load rather than answering wrongly.
 */
public final class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);
    /** Batch sizes the first passes run at: one action, a small batch, a large one. */
    private static final List<Integer> WARM_UP_BATCHES = List.of(1, 8, 64);
    /** TorchScript's graph executor profiles a shape on its first pass and optimises it on a later one. */
    private static final int WARM_UP_PASSES = 3;

    private final ModelEngine engine;
    private final RunnerFactory runners;

    public ModelLoader(ModelEngine engine, RunnerFactory runners) {
        this.engine = engine;
        this.runners = runners;
    }

    /**
     * Runs a text classifier's first forward passes before it serves: they are far slower than the rest (the graph
     * executor profiles and optimises), and the monitor, which waits two seconds for a score, held every action of
     * the first goal on a busy machine while the model was cold. Readiness stays DOWN until this is done.
     */
    static void warmUp(String name, TextClassifier text) {
        long started = System.nanoTime();
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (int size : WARM_UP_BATCHES) {
                text.classifyAll(Collections.nCopies(size, "warm-up pass " + pass));
            }
        }
        LOG.infof("model %s warmed up in %d ms", name, (System.nanoTime() - started) / 1_000_000);
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
            if (text != null) {
                warmUp(name, text);
            }
            return new ServedModel(name, version, model, runner, text);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
