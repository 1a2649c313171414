package org.alignlab.experiments.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/** A trained classifier on float features: a DJL model and its trainer, held open for prediction until closed. */
public final class Classifier implements AutoCloseable {

    private final Model model;
    private final Trainer trainer;

    private Classifier(Model model, Trainer trainer) {
        this.model = model;
        this.trainer = trainer;
    }

    /** Logistic regression: one linear layer to class logits. */
    public static Block linear(int classes) {
        return Linear.builder().setUnits(classes).build();
    }

    /** An MLP with two ReLU hidden layers of {@code hidden} units. */
    public static Block mlp(int hidden, int classes) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Trains {@code block} with Adam on {@code features} (rows × columns) against hard {@code labels} in
     * [0, classes).
     */
    public static Classifier train(Block block, float[][] features, int[] labels, int classes, TrainSettings settings) {
        // Seeding right before initialisation makes every model's initial weights and batch order depend on the
        // seed alone, not on what ran before it in this JVM.
        Engine.getInstance().setRandomSeed(settings.seed());
        Model model = Model.newInstance("classifier");
        model.setBlock(block);
        DefaultTrainingConfig config = new DefaultTrainingConfig(new ConfidenceLoss(settings.auxLossAlpha()))
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
                    .optLabels(data.create(labels).oneHot(classes).toType(DataType.FLOAT32, false))
                    .setSampling(settings.batchSize(), true)
                    .build();
            EasyTrain.fit(trainer, settings.epochs(), dataset, null);
            trained = true;
            return new Classifier(model, trainer);
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("training failed: " + e.getMessage(), e);
        } finally {
            if (!trained) {
                close(model, trainer);
            }
        }
    }

    /** The most likely class of each row. */
    public int[] predict(float[][] features) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList logits = trainer.evaluate(new NDList(scope.create(features)));
            return logits.singletonOrThrow().argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    @Override
    public void close() {
        close(model, trainer);
    }

    private static void close(Model model, Trainer trainer) {
        trainer.close();
        model.close();
    }
}
