package org.alignlab.experiments.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.function.Function;

/** The training loop that {@link Classifier} and {@link Regressor} share: Adam, seeded, shuffled minibatches. */
final class Fit {

    /** A model and the trainer that trained it; the caller closes both. */
    record Trained(Model model, Trainer trainer) implements AutoCloseable {

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    private Fit() {
    }

    /**
     * Trains {@code block} on {@code features} (rows × columns) against the labels that {@code labels} creates in
     * the given manager.
     */
    static Trained train(Block block, Loss loss, float[][] features, Function<NDManager, NDArray> labels,
            TrainSettings settings) {
        // Seeding right before initialisation makes every model's initial weights and batch order depend on the
        // seed alone, not on what ran before it in this JVM.
        Engine.getInstance().setRandomSeed(settings.seed());
        Model model = Model.newInstance("model");
        model.setBlock(block);
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                        .build())
                // Without the basic listeners the trainer never records epoch results and DJL returns nulls.
                .addTrainingListeners(TrainingListener.Defaults.basic());
        Trainer trainer = model.newTrainer(config);
        boolean trained = false;
        try (NDManager data = trainer.getManager().newSubManager()) {
            trainer.initialize(new Shape(settings.batchSize(), features[0].length));
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(data.create(features))
                    .optLabels(labels.apply(data))
                    .setSampling(settings.batchSize(), true)
                    .build();
            EasyTrain.fit(trainer, settings.epochs(), dataset, null);
            trained = true;
            return new Trained(model, trainer);
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        } finally {
            if (!trained) {
                trainer.close();
                model.close();
            }
        }
    }
}
