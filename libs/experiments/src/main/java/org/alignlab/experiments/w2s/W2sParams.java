package org.alignlab.experiments.w2s;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.alignlab.experiments.ParamReader;

/**
 * The params of the weak-to-strong family. The defaults run one seed in seconds on two cores; the README explains
 * each param.
 */
public record W2sParams(
        int nTrain,
        int nTest,
        int features,
        int weakFeatures,
        int latentDims,
        double noise,
        double nonlinearity,
        int pretrainedDims,
        int hidden,
        int epochs,
        double learningRate,
        int batchSize,
        double auxLossAlpha) {

    private static final int MAX_ROWS = 1_000_000;

    /** @throws InvalidParamsException naming the first unknown, mistyped or out-of-range param */
    public static W2sParams from(Map<String, Object> params) {
        ParamReader read = new ParamReader(params);
        int nTrain = read.integer("nTrain", 2000, 10, MAX_ROWS);
        int nTest = read.integer("nTest", 2000, 10, MAX_ROWS);
        int features = read.integer("features", 20, 2, 1000);
        int weakFeatures = read.integer("weakFeatures", 5, 1, features - 1);
        int latentDims = read.integer("latentDims", 4, 2, features);
        double noise = read.real("noise", 1.0, 0.0, 100.0);
        double nonlinearity = read.real("nonlinearity", 0.5, 0.0, 100.0);
        int pretrainedDims = read.integer("pretrainedDims", latentDims, 0, features);
        int hidden = read.integer("hidden", 64, 1, 4096);
        int epochs = read.integer("epochs", 15, 1, 1000);
        double learningRate = read.real("learningRate", 0.01, 1e-6, 1.0);
        int batchSize = read.integer("batchSize", 64, 1, nTrain);
        double auxLossAlpha = read.real("auxLossAlpha", 0.0, 0.0, 1.0);
        read.rejectUnknown();
        return new W2sParams(nTrain, nTest, features, weakFeatures, latentDims, noise, nonlinearity, pretrainedDims,
                hidden, epochs,
                learningRate, batchSize, auxLossAlpha);
    }
}
