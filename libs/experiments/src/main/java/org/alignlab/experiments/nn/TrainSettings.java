package org.alignlab.experiments.nn;

/**
 * How to train a {@link Classifier}.
 *
 * @param seed seeds parameter initialisation and batch shuffling
 * @param auxLossAlpha weight of the model's own hardened predictions in {@link ConfidenceLoss}; 0 for plain CE
 */
public record TrainSettings(int epochs, double learningRate, int batchSize, int seed, double auxLossAlpha) {

    public TrainSettings withAuxLossAlpha(double alpha) {
        return new TrainSettings(epochs, learningRate, batchSize, seed, alpha);
    }
}
