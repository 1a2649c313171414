package org.alignlab.experiments.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A trained classifier on float features: a DJL model and its trainer, held open for prediction until closed. */
public final class Classifier implements AutoCloseable {

    private final Fit.Trained trained;

    private Classifier(Fit.Trained trained) {
        this.trained = trained;
    }

    /**
     * Binary logistic regression as two class logits [0, w·x + b]: the softmax over them is the sigmoid of w·x + b.
     *
     * <p>Not one linear layer of two units, on purpose: with two free logits the gradients of the two classes are exact
     * negatives whenever the softmax sums to exactly 1 in float, and DJL's first-step check, which sums all
     * gradients, then rejects them as "all zeros" and aborts training. One free logit has no such symmetry.
     */
    public static Block logistic() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(1).build())
                .add(logit -> new NDList(logit.singletonOrThrow().zerosLike().concat(logit.singletonOrThrow(), 1)));
    }

    /** An MLP with two ReLU hidden layers of {@code hidden} units. */
    public static Block mlp(int hidden, int classes) {
        return mlp(hidden, 2, classes);
    }

    /** An MLP with {@code layers} ReLU hidden layers of {@code hidden} units each. */
    public static Block mlp(int hidden, int layers, int classes) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < layers; i++) {
            block.add(Linear.builder().setUnits(hidden).build()).add(Activation::relu);
        }
        return block.add(Linear.builder().setUnits(classes).build());
    }

    /**
     * Trains {@code block} with Adam on {@code features} (rows × columns) against hard {@code labels} in
     * [0, classes).
     */
    public static Classifier train(Block block, float[][] features, int[] labels, int classes, TrainSettings settings) {
        return new Classifier(Fit.train(block, new ConfidenceLoss(settings.auxLossAlpha()), features,
                data -> data.create(labels).oneHot(classes).toType(DataType.FLOAT32, false), settings));
    }

    /** The most likely class of each row. */
    public int[] predict(float[][] features) {
        try (NDManager scope = trained.trainer().getManager().newSubManager()) {
            NDList logits = trained.trainer().evaluate(new NDList(scope.create(features)));
            return logits.singletonOrThrow().argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    /**
     * The output of every hidden layer (after its activation) for each row, in order from the input: what a probe
     * reads. Only for models built by {@link #mlp(int, int, int)}: it takes the output of each lambda block (the
     * ReLUs) as a hidden layer.
     */
    public List<float[][]> hiddenActivations(float[][] features) {
        List<float[][]> layers = new ArrayList<>();
        try (NDManager scope = trained.trainer().getManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(scope, false);
            NDList current = new NDList(scope.create(features));
            for (Block child : trained.model().getBlock().getChildren().values()) {
                current = child.forward(parameters, current, false);
                if (child instanceof LambdaBlock) {
                    layers.add(rows(current.singletonOrThrow()));
                }
            }
        }
        return layers;
    }

    private static float[][] rows(NDArray array) {
        int n = (int) array.getShape().get(0);
        int width = (int) array.getShape().get(1);
        float[] flat = array.toFloatArray();
        float[][] rows = new float[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return rows;
    }

    @Override
    public void close() {
        trained.close();
    }
}
