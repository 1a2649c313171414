package org.alignlab.trustedmonitor;

import org.alignlab.inference.engine.NetworkSpec;
import org.alignlab.inference.features.FeatureSpec;

/** Everything that decides the trained weights besides the corpus. */
record TrainingSettings(long seed, int epochs, int batchSize, double learningRate, double weightDecay,
        FeatureSpec features, NetworkSpec network) {

    /**
     * What the shipped model uses: 4096 hashed features into 16 ReLU units, Adam at 0.003 with a little weight decay
     * for 25 epochs. Small on purpose: the weights stay near 260 KB and a trusted model should be weaker than the
     * agents it watches.
     */
    static TrainingSettings standard(long seed) {
        return new TrainingSettings(seed, 25, 32, 0.003, 1e-4, FeatureSpec.standard(),
                new NetworkSpec(NetworkSpec.BINARY_MLP, 16));
    }
}
