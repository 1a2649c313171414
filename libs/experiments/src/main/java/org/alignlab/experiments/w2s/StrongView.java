package org.alignlab.experiments.w2s;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What the strong model sees: all features, either raw or through a representation "pretrained" without labels
 * (the top principal directions of the unlabelled training rows).
 */
final class StrongView {

    private final PrincipalSubspace subspace;

    private StrongView(PrincipalSubspace subspace) {
        this.subspace = subspace;
    }

    /** @param dims 0 for raw features */
    static StrongView pretrain(int dims, W2sData data) {
        if (dims == 0) {
            return new StrongView(null);
        }
        float[][] unlabelled = Stream.concat(Arrays.stream(data.weakTrain().features()),
                Arrays.stream(data.w2sTrain().features())).toArray(float[][]::new);
        return new StrongView(PrincipalSubspace.fit(unlabelled, dims));
    }

    float[][] of(Sample sample) {
        return subspace == null ? sample.features() : subspace.project(sample.features());
    }
}
