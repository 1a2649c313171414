package org.alignlab.experiments.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;

/** A trained scalar regressor on float features (squared error), held open for prediction until closed. */
public final class Regressor implements AutoCloseable {

    private final Fit.Trained trained;

    private Regressor(Fit.Trained trained) {
        this.trained = trained;
    }

    /** An MLP with {@code layers} ReLU hidden layers of {@code hidden} units and one linear output. */
    public static Block mlp(int hidden, int layers) {
        return Classifier.mlp(hidden, layers, 1);
    }

    /** Linear regression: one linear unit. */
    public static Block linear() {
        return Linear.builder().setUnits(1).build();
    }

    /** Trains {@code block} with Adam to minimise the squared error against {@code targets}. */
    public static Regressor train(Block block, float[][] features, float[] targets, TrainSettings settings) {
        return new Regressor(Fit.train(block, new SquaredErrorLoss(), features,
                data -> data.create(targets).reshape(targets.length, 1), settings));
    }

    /** The prediction for each row. */
    public float[] predict(float[][] features) {
        try (NDManager scope = trained.trainer().getManager().newSubManager()) {
            NDList out = trained.trainer().evaluate(new NDList(scope.create(features)));
            return out.singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public void close() {
        trained.close();
    }
}
