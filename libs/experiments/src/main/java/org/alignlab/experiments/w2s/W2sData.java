package org.alignlab.experiments.w2s;

import java.util.Random;
import org.alignlab.contracts.events.Split;

/**
 * The four disjoint sets of one seed, drawn in a fixed order from one stream seeded by the seed, so a seed always
 * yields the same task and the same rows, and the held-out rows exist (unseen) even in a validation run.
 *
 * @param weakTrain ground truth for the weak model
 * @param w2sTrain labelled by the weak model for the weak-to-strong student, by ground truth for the ceiling
 */
record W2sData(Sample weakTrain, Sample w2sTrain, Sample validation, Sample heldout) {

    static W2sData generate(W2sParams p, int seed) {
        Random rng = new Random(seed);
        LatentTask task = LatentTask.draw(rng, p.features(), p.latentDims(), p.noise(), p.nonlinearity());
        return new W2sData(task.sample(rng, p.nTrain()), task.sample(rng, p.nTrain()),
                task.sample(rng, p.nTest()), task.sample(rng, p.nTest()));
    }

    Sample evaluation(Split split) {
        return split == Split.HELDOUT ? heldout : validation;
    }
}
