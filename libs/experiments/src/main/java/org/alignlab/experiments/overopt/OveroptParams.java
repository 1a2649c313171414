package org.alignlab.experiments.overopt;

import java.util.Map;
import org.alignlab.experiments.InvalidParamsException;
import org.alignlab.experiments.ParamReader;

/**
 * The params of the reward-overoptimization family. The defaults run one seed in about a second; the README and
 * {@code contracts/schemas/families/reward-overoptimization.schema.json} explain each param.
 */
public record OveroptParams(
        int dims,
        double curvature,
        int proxySamples,
        double labelNoise,
        int prompts,
        int maxN,
        int hidden,
        int epochs,
        double learningRate,
        int batchSize) {

    /** @throws InvalidParamsException naming the first unknown, mistyped or out-of-range param */
    public static OveroptParams from(Map<String, Object> params) {
        ParamReader read = new ParamReader(params);
        int dims = read.integer("dims", 8, 2, 256);
        double curvature = read.real("curvature", 0.5, 0.0, 10.0);
        int proxySamples = read.integer("proxySamples", 64, 4, 100_000);
        double labelNoise = read.real("labelNoise", 0.5, 0.0, 100.0);
        int prompts = read.integer("prompts", 400, 1, 100_000);
        int maxN = read.integer("maxN", 256, 2, 4096);
        int hidden = read.integer("hidden", 32, 1, 1024);
        int epochs = read.integer("epochs", 100, 1, 10_000);
        double learningRate = read.real("learningRate", 0.01, 1e-6, 1.0);
        int batchSize = read.integer("batchSize", Math.min(16, proxySamples), 1, proxySamples);
        read.rejectUnknown();
        if ((long) prompts * maxN > 4_000_000) {
            throw new InvalidParamsException("prompts × maxN must be at most 4,000,000 candidates per split, got "
                    + (long) prompts * maxN);
        }
        return new OveroptParams(dims, curvature, proxySamples, labelNoise, prompts, maxN, hidden, epochs,
                learningRate, batchSize);
    }
}
