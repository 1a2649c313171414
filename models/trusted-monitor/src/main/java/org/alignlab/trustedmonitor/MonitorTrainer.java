package org.alignlab.trustedmonitor;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alignlab.inference.djl.DjlModelEngine;
import org.alignlab.inference.djl.Networks;

/** Trains the monitor's network with DJL and saves its parameters; seeded, so the same input gives the same file. */
final class MonitorTrainer {

    private MonitorTrainer() {
    }

    /**
     * Trains on {@code features} (rows × dimension) against {@code labels} (0 benign, 1 attack) and saves the weights
     * into {@code folder} as {@code <name>-<epochs>.params}, DJL's naming.
     *
     * @return the weights file's name
     */
    static String trainAndSave(TrainingSettings settings, float[][] features, int[] labels, Path folder, String name)
            throws IOException {
        // Seeding right before initialisation makes the initial weights and the batch order depend on the seed only.
        Engine.getInstance().setRandomSeed((int) settings.seed());
        try (Model model = Model.newInstance(name, DjlModelEngine.ENGINE)) {
            model.setBlock(Networks.block(settings.network()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(
                    new SoftmaxCrossEntropyLoss("cross-entropy", 1, -1, false, true))
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                            .optWeightDecays((float) settings.weightDecay())
                            .build())
                    // Without the basic listeners the trainer records no epochs and DJL returns nulls.
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config);
                    NDManager data = trainer.getManager().newSubManager()) {
                trainer.initialize(new Shape(settings.batchSize(), settings.features().dimension()));
                ArrayDataset dataset = new ArrayDataset.Builder()
                        .setData(data.create(features))
                        .optLabels(data.create(labels).oneHot(2).toType(DataType.FLOAT32, false))
                        .setSampling(settings.batchSize(), true)
                        .build();
                EasyTrain.fit(trainer, settings.epochs(), dataset, null);
            } catch (TranslateException e) {
                throw new IllegalStateException("training failed: " + e.getMessage(), e);
            }
            // DJL names the file after the epoch count; fixing it keeps the name independent of training length.
            model.setProperty("Epoch", "0");
            Files.createDirectories(folder);
            model.save(folder, name);
        }
        String weights = String.format(Locale.ROOT, "%s-%04d.params", name, 0);
        if (!Files.isRegularFile(folder.resolve(weights))) {
            throw new IllegalStateException("DJL did not write " + folder.resolve(weights));
        }
        return weights;
    }
}
