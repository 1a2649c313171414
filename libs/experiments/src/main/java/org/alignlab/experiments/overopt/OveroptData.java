package org.alignlab.experiments.overopt;

import java.util.Random;
import org.alignlab.contracts.events.Split;

/**
 * One seed's gold reward and its three disjoint sets, drawn in a fixed order from one stream seeded by the seed:
 * the proxy's training responses with noisy gold labels, then the validation prompts, then the held-out prompts.
 * So a seed always yields the same reward and rows, and the held-out rows exist (unseen) even in a validation run.
 *
 * @param trainLabels gold reward plus N(0, labelNoise²) noise: all the proxy ever learns from
 */
record OveroptData(GoldReward gold, float[][] train, float[] trainLabels, Candidates validation,
        Candidates heldout) {

    static OveroptData generate(OveroptParams p, int seed) {
        Random rng = new Random(seed);
        GoldReward gold = GoldReward.draw(rng, p.dims(), p.curvature());
        Candidates train = Candidates.draw(rng, gold, p.proxySamples(), 1);
        float[] labels = new float[p.proxySamples()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = (float) (train.gold()[r] + p.labelNoise() * rng.nextGaussian());
        }
        return new OveroptData(gold, train.responses(), labels, Candidates.draw(rng, gold, p.prompts(), p.maxN()),
                Candidates.draw(rng, gold, p.prompts(), p.maxN()));
    }

    Candidates evaluation(Split split) {
        return split == Split.HELDOUT ? heldout : validation;
    }
}
