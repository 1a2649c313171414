package org.alignlab.experiments.probe;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.alignlab.experiments.ParamReader;

/**
 * The params of the linear-probe family. The defaults run one seed in a few seconds; the README and
 * {@code contracts/schemas/families/linear-probe.schema.json} explain each param.
 */
public record ProbeParams(
        int types,
        int typeDims,
        int contextDims,
        double conceptWeight,
        double labelNoise,
        int nTrain,
        int nProbe,
        int nTest,
        int hidden,
        int hiddenLayers,
        int epochs,
        double learningRate,
        int batchSize,
        int probeEpochs) {

    private static final int MAX_ROWS = 1_000_000;

    /** @throws InvalidParamsException naming the first unknown, mistyped or out-of-range param */
    public static ProbeParams from(Map<String, Object> params) {
        ParamReader read = new ParamReader(params);
        int types = read.integer("types", 64, 2, 100_000);
        int typeDims = read.integer("typeDims", 8, 1, 1024);
        int contextDims = read.integer("contextDims", 4, 2, 1024);
        double conceptWeight = read.real("conceptWeight", 1.0, 0.0, 100.0);
        double labelNoise = read.real("labelNoise", 0.0, 0.0, 0.5);
        int nTrain = read.integer("nTrain", 4000, 10, MAX_ROWS);
        int nProbe = read.integer("nProbe", 2000, 10, MAX_ROWS);
        int nTest = read.integer("nTest", 2000, 10, MAX_ROWS);
        int hidden = read.integer("hidden", 64, 1, 4096);
        int hiddenLayers = read.integer("hiddenLayers", 2, 1, 8);
        int epochs = read.integer("epochs", 20, 1, 1000);
        double learningRate = read.real("learningRate", 0.01, 1e-6, 1.0);
        int batchSize = read.integer("batchSize", 64, 1, Math.min(nTrain, nProbe));
        int probeEpochs = read.integer("probeEpochs", 20, 1, 1000);
        read.rejectUnknown();
        return new ProbeParams(types, typeDims, contextDims, conceptWeight, labelNoise, nTrain, nProbe, nTest, hidden,
                hiddenLayers, epochs, learningRate, batchSize, probeEpochs);
    }
}
