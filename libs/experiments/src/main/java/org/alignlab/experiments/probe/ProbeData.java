package org.alignlab.experiments.probe;

import java.util.Random;
import org.alignlab.contracts.events.Split;

/**
 * The four disjoint sets of one seed, drawn in a fixed order from one stream seeded by the seed after the task
 * itself, so a seed always yields the same task and rows, and the held-out rows exist (unseen) even in a validation
 * run. The sets share the types (as sentences share words) but not the rows.
 *
 * @param train what the network learns the task from
 * @param probeTrain held apart from the network's training: the probes learn from its activations on these rows
 */
record ProbeData(ConceptTask task, ProbeSample train, ProbeSample probeTrain, ProbeSample validation,
        ProbeSample heldout) {

    static ProbeData generate(ProbeParams p, int seed) {
        Random rng = new Random(seed);
        ConceptTask task = ConceptTask.draw(rng, p);
        return new ProbeData(task, task.sample(rng, p.nTrain()), task.sample(rng, p.nProbe()),
                task.sample(rng, p.nTest()), task.sample(rng, p.nTest()));
    }

    ProbeSample evaluation(Split split) {
        return split == Split.HELDOUT ? heldout : validation;
    }
}
